from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = "Security Council records"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from records import signals  # noqa: F401  (connects the file clean-up)
