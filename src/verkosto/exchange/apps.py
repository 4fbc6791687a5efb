from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "verkosto.exchange"
    label = "exchange"
    verbose_name = _("Exchange")
    default_auto_field = "django.db.models.BigAutoField"
