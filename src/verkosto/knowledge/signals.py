"""Deleting an item by any path (a service, the admin, a cascade) drops its index row."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from verkosto.knowledge.indexing import unindex_item
from verkosto.knowledge.models import Document, GoodPractice, Report


@receiver(post_delete, sender=GoodPractice)
@receiver(post_delete, sender=Report)
@receiver(post_delete, sender=Document)
def _drop_from_index(sender, instance, **kwargs) -> None:
    unindex_item(instance)
