"""An installation upgraded to the search index has members already: index them now, so the directory does not
answer "nothing found" until someone runs `rebuild_search_index` (a new database has none: nothing to do)."""

from django.db import migrations


def index_existing(apps, schema_editor):
    Organization = apps.get_model("network", "Organization")
    if not Organization.objects.exists():
        return
    from django.core.management import call_command

    call_command("rebuild_search_index", verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engines"), ("network", "0004_alter_contact_name_alter_contact_title_and_more")]

    operations = [migrations.RunPython(index_existing, migrations.RunPython.noop)]
