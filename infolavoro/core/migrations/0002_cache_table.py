"""The database cache's table (rate limits, lock-outs shared by every worker when REDIS_URL is not set).

`createcachetable` creates only what is missing and nothing for a Redis cache, so this is safe to run anywhere;
`make run` runs it too, for a database migrated while REDIS_URL was set.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=True)]
