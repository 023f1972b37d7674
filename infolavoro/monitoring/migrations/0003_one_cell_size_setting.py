"""The minimum cell size is one setting, the desk's: a value kept in the old MonitoringSettings moves onto the desk
(the stricter of the two wins, so nothing hidden before becomes visible), then the duplicate table goes."""

from django.db import migrations


def move_to_desk(apps, schema_editor):
    settings_model = apps.get_model("monitoring", "MonitoringSettings")
    desk_model = apps.get_model("desks", "Desk")
    for desk_id, value in settings_model.objects.values_list("desk_id", "min_cell_size"):
        desk_model.objects.filter(pk=desk_id, min_cell_size__lt=value).update(min_cell_size=value)


def back_from_desk(apps, schema_editor):
    settings_model = apps.get_model("monitoring", "MonitoringSettings")
    desk_model = apps.get_model("desks", "Desk")
    settings_model.objects.bulk_create([settings_model(desk_id=pk, min_cell_size=value) for pk, value in
                                        desk_model.objects.exclude(min_cell_size=5).values_list("pk", "min_cell_size")])


class Migration(migrations.Migration):

    dependencies = [
        ("desks", "0003_adoption_settings"),
        ("monitoring", "0002_monthlyreport"),
    ]

    operations = [
        migrations.RunPython(move_to_desk, back_from_desk),
        migrations.DeleteModel(name="MonitoringSettings"),
    ]
