"""A station's practice post names its major from the schools' catalogues (issue 15).

A post serves teachers of any school, so its text is matched by name to an existing catalogue
entry (the first school's by name when several schools teach it). A name no school lists yet is
added to the first school's catalogue, where the secretariat can move or merge it: no post loses
its major.
The free text is not kept: the migration does not run backwards.
"""

import django.db.models.deletion
from django.db import migrations, models


def text_to_major(apps, schema_editor):
    Major = apps.get_model("members", "Major")
    Organization = apps.get_model("members", "Organization")
    first_school = Organization.objects.filter(kind="school").order_by("name", "pk").first()
    cache = {}

    def major_for(text):
        name = (text or "").strip()[:50]
        if not name:
            return None
        if name not in cache:
            found = Major.objects.filter(name=name).order_by("school__name", "pk").first()
            if found is None and first_school is not None:
                found = Major.objects.create(school=first_school, name=name)
            cache[name] = found.pk if found else None
        return cache[name]

    for model in ("StationPost", "HistoricalStationPost"):
        for row in apps.get_model("training", model).objects.all().iterator():
            row.major_id = major_for(row.major_text)
            row.save(update_fields=["major"])




class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_majors"),
        ("training", "0005_history_of_partner_enterprises"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="stationpost", name="station_post_unique"),
        migrations.RenameField("stationpost", "major", "major_text"),
        migrations.RenameField("historicalstationpost", "major", "major_text"),
        migrations.AddField(
            model_name="stationpost",
            name="major",
            field=models.ForeignKey(
                blank=True,
                help_text="The major of the teachers the post suits, from a school's catalogue.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="station_posts",
                to="members.major",
                verbose_name="major",
            ),
        ),
        migrations.AddField(
            model_name="historicalstationpost",
            name="major",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The major of the teachers the post suits, from a school's catalogue.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="members.major",
                verbose_name="major",
            ),
        ),
        migrations.RunPython(text_to_major),
        migrations.RemoveField("stationpost", "major_text"),
        migrations.RemoveField("historicalstationpost", "major_text"),
        migrations.AddConstraint(
            model_name="stationpost",
            constraint=models.UniqueConstraint(
                fields=("station", "year", "post", "major"), name="station_post_unique"
            ),
        ),
    ]
