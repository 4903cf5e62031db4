"""An order class names its major from the school's catalogue (issue 15) instead of free text.

Each class's text becomes the school's catalogue entry of that name (created when the school has
none), so no class loses its major; history rows are mapped the same way.
The free text is not kept: the migration does not run backwards.
"""

import django.db.models.deletion
from django.db import migrations, models


def _majors(apps):
    Major = apps.get_model("members", "Major")
    cache = {}

    def major_for(school_id, text):
        name = (text or "").strip()[:50]
        if not name or school_id is None:
            return None
        if (school_id, name) not in cache:
            cache[(school_id, name)] = Major.objects.get_or_create(school_id=school_id, name=name)[
                0
            ].pk
        return cache[(school_id, name)]

    return major_for


def text_to_major(apps, schema_editor):
    major_for = _majors(apps)
    for model in ("OrderClass", "HistoricalOrderClass"):
        for row in apps.get_model("placements", model).objects.all().iterator():
            row.major_id = major_for(row.school_id, row.major_text)
            row.save(update_fields=["major"])




class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_majors"),
        ("placements", "0002_history_of_m2m_fields"),
    ]

    operations = [
        migrations.RenameField("orderclass", "major", "major_text"),
        migrations.RenameField("historicalorderclass", "major", "major_text"),
        migrations.AddField(
            model_name="orderclass",
            name="major",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="order_classes",
                to="members.major",
            ),
        ),
        migrations.AddField(
            model_name="historicalorderclass",
            name="major",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="members.major",
            ),
        ),
        migrations.RunPython(text_to_major),
        migrations.AlterField(
            model_name="orderclass",
            name="major",
            field=models.ForeignKey(
                help_text="From the school's catalogue of majors.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="order_classes",
                to="members.major",
                verbose_name="major",
            ),
        ),
        migrations.AlterField(
            model_name="historicalorderclass",
            name="major",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="From the school's catalogue of majors.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="members.major",
                verbose_name="major",
            ),
        ),
        migrations.RemoveField("orderclass", "major_text"),
        migrations.RemoveField("historicalorderclass", "major_text"),
    ]
