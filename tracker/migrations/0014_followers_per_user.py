import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def keep_todays_followers(apps, schema_editor):
    """Each followed dossier keeps its follower and the date. A dossier followed by an account that has since
    been removed goes to the first admin (or else the first clerk), so the nightly sync keeps fetching it."""
    Dossier = apps.get_model("tracker", "Dossier")
    Following = apps.get_model("tracker", "Following")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    stand_in = (User.objects.filter(is_superuser=True).order_by("pk").first()
                or User.objects.filter(groups__name="griffie").order_by("pk").first())
    Following.objects.bulk_create(
        Following(dossier_id=dossier.pk, user_id=dossier.followed_by_id or stand_in.pk, since=dossier.followed_since)
        for dossier in Dossier.objects.filter(followed_since__isnull=False)
        if dossier.followed_by_id or stand_in
    )


def back_to_one_follower(apps, schema_editor):
    """Undone, a dossier keeps its earliest follower."""
    Dossier = apps.get_model("tracker", "Dossier")
    Following = apps.get_model("tracker", "Following")
    for following in Following.objects.order_by("-since", "-pk"):  # the earliest written last
        Dossier.objects.filter(pk=following.dossier_id).update(followed_since=following.since,
                                                               followed_by_id=following.user_id)


class Migration(migrations.Migration):

    dependencies = [
        ('tracker', '0013_ministries_as_ministries'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.CreateModel(
            name='Following',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('since', models.DateTimeField(default=django.utils.timezone.now)),
                ('dossier', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='followings', to='tracker.dossier')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='followings', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['since', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('dossier', 'user'), name='one_following_per_user')],
            },
        ),
        migrations.RunPython(keep_todays_followers, back_to_one_follower),
        migrations.RemoveField(
            model_name='dossier',
            name='followed_by',
        ),
        migrations.RemoveField(
            model_name='dossier',
            name='followed_since',
        ),
    ]
