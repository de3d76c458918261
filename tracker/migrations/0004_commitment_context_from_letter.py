from django.db import migrations

# Commitments found before these fields existed take them from their letter, as new ones do.
FILL = """
UPDATE tracker_commitment AS c
   SET dossier_id = d.dossier_id, ministry = left(d.sender, 200), made_on = d.date
  FROM tracker_document AS d
 WHERE c.document_id = d.id AND c.made_on IS NULL AND c.dossier_id IS NULL
"""


class Migration(migrations.Migration):
    dependencies = [("tracker", "0003_sources_oral_promises_postponements")]

    operations = [migrations.RunSQL(FILL, migrations.RunSQL.noop)]
