"""Change history for the knowledge base (django-simple-history).

The items carry no modeltranslation fields (each is written in one language, which its
``language`` says), but history is registered here, as in the registry app, so that it
is always registered after any translation fields other apps add.
"""

from simple_history import register as register_history

from verkosto.knowledge import models as m

for _model in (m.GoodPractice, m.Report, m.Document):
    # m2m_fields keeps theme (and attachment) changes in history too.
    _m2m = [f for f in ("themes", "attachments") if hasattr(_model, f)]
    register_history(_model, app=__package__, m2m_fields=_m2m)
