"""The analysis API's parameters and the shape of its answers (for the OpenAPI document).

The answers are the dictionaries of ``summaries``; these serializers only describe them
(and validate the query parameters), so the document says exactly what is returned.
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from verkosto.analytics.forms import DEFAULT_K, MAX_K


class AnalysisQuerySerializer(serializers.Serializer):
    as_of = serializers.DateField(
        required=False,
        help_text="The day the analysis looks at (YYYY-MM-DD); today when absent.",
    )
    k = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_K, help_text="How many rows per top list."
    )
    workspace = serializers.SlugField(
        required=False,
        help_text="Include the private facts of this workspace (you must have a role in it); "
        "by default your current workspace.",
    )

    def validate_as_of(self, value: dt.date) -> dt.date:
        if not 1900 <= value.year <= 2200:
            raise serializers.ValidationError(_("Give a day between the years 1900 and 2200."))
        return value

    def validate(self, attrs: dict) -> dict:
        attrs.setdefault("as_of", dt.date.today())
        attrs.setdefault("k", DEFAULT_K)
        return attrs


class LandscapeQuerySerializer(AnalysisQuerySerializer):
    country = serializers.RegexField(
        r"^[A-Za-z]{2}$",
        required=False,
        help_text="Two-letter ISO country code (FI, SE …); every country when absent.",
    )

    def validate_country(self, value: str) -> str:
        return value.upper()


class OrganisationTrendsQuerySerializer(AnalysisQuerySerializer):
    """An organisation's trends take no ``country``: refused, not silently ignored, so a
    client never reads the organisation's figures as the country's. Not a field, so the
    OpenAPI document does not offer it."""

    def validate(self, attrs: dict) -> dict:
        if "country" in self.initial_data:
            raise serializers.ValidationError(
                {"country": [_("Trends of one organisation cannot be limited to a country.")]},
                code="not_allowed",
            )
        return super().validate(attrs)


# ---------------------------------------------------------------------------- answers
class OrgRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()
    country = serializers.CharField(allow_blank=True)


class ThemeRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    label = serializers.CharField()


class ReasonSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Machine-readable reason code.")
    text = serializers.CharField(help_text="The reason in words, in the request's language.")
    count = serializers.IntegerField()
    total = serializers.IntegerField()
    share = serializers.FloatField()
    organisations = OrgRefSerializer(many=True)
    themes = ThemeRefSerializer(many=True)


class HeaderSerializer(serializers.Serializer):
    as_of = serializers.DateField()
    subject = OrgRefSerializer(allow_null=True)
    country = serializers.CharField(allow_null=True)
    workspace = serializers.CharField(allow_null=True)


class NetworkRowSerializer(OrgRefSerializer):
    members = serializers.IntegerField(help_text="Current members on the day.")


class PairSerializer(serializers.Serializer):
    a = OrgRefSerializer()
    b = OrgRefSerializer()
    shared_members = serializers.IntegerField()
    jaccard = serializers.FloatField()
    overlap = serializers.FloatField(help_text="Shared members / members of the smaller one.")
    shared_themes = serializers.IntegerField()
    theme_jaccard = serializers.FloatField()
    text = serializers.CharField()


class DuplicateSerializer(serializers.Serializer):
    a = OrgRefSerializer()
    b = OrgRefSerializer()
    score = serializers.FloatField()
    reasons = ReasonSerializer(many=True)


class HeatmapSerializer(serializers.Serializer):
    metric = serializers.CharField()
    networks = OrgRefSerializer(many=True)
    values = serializers.ListField(child=serializers.ListField(child=serializers.FloatField()))
    shared = serializers.ListField(child=serializers.ListField(child=serializers.IntegerField()))


class OverlapSerializer(HeaderSerializer):
    networks = NetworkRowSerializer(many=True)
    pairs = PairSerializer(many=True)
    duplicates = DuplicateSerializer(many=True)
    heatmap = HeatmapSerializer()


class PeerSerializer(serializers.Serializer):
    organisation = OrgRefSerializer()
    score = serializers.FloatField()
    membership_cosine = serializers.FloatField()
    theme_cosine = serializers.FloatField()
    shared_networks = OrgRefSerializer(many=True)
    reasons = ReasonSerializer(many=True)


class PeersSerializer(HeaderSerializer):
    peers = PeerSerializer(many=True)


class GoalRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class UnservedSerializer(serializers.Serializer):
    theme = ThemeRefSerializer()
    goals = GoalRefSerializer(many=True)


class IdleSerializer(serializers.Serializer):
    membership_id = serializers.IntegerField()
    network = OrgRefSerializer()
    private = serializers.BooleanField()
    reasons = ReasonSerializer(many=True)


class SuggestionSerializer(serializers.Serializer):
    network = OrgRefSerializer()
    score = serializers.FloatField()
    themes = ThemeRefSerializer(many=True)
    peers = OrgRefSerializer(many=True)
    reasons = ReasonSerializer(many=True)


class GapsSerializer(HeaderSerializer):
    goal_themes = ThemeRefSerializer(many=True)
    served_themes = ThemeRefSerializer(many=True)
    unserved = UnservedSerializer(many=True)
    idle = IdleSerializer(many=True)
    suggestions = SuggestionSerializer(many=True)


class CentralityRowSerializer(serializers.Serializer):
    organisation = OrgRefSerializer()
    degree = serializers.IntegerField()
    pagerank = serializers.FloatField()
    betweenness = serializers.FloatField()


class CentralitySerializer(HeaderSerializer):
    nodes = serializers.IntegerField()
    edges = serializers.IntegerField()
    betweenness_exact = serializers.BooleanField()
    betweenness_sources = serializers.IntegerField()
    note = serializers.CharField()
    own = CentralityRowSerializer(allow_null=True)
    cities_by_pagerank = CentralityRowSerializer(many=True)
    cities_by_betweenness = CentralityRowSerializer(many=True)
    networks_by_pagerank = CentralityRowSerializer(many=True)
    members = CentralityRowSerializer(many=True)


class CountryCountSerializer(serializers.Serializer):
    country = serializers.CharField(allow_blank=True)
    count = serializers.IntegerField()


class CommunitySerializer(serializers.Serializer):
    number = serializers.IntegerField()
    size = serializers.IntegerField()
    size_in_scope = serializers.IntegerField()
    members = OrgRefSerializer(many=True)
    countries = CountryCountSerializer(many=True)


class CommunitiesSerializer(HeaderSerializer):
    count = serializers.IntegerField()
    modularity = serializers.FloatField()
    subject_community = serializers.IntegerField(allow_null=True)
    communities = CommunitySerializer(many=True)
    left_out_networks = serializers.IntegerField(
        help_text="Networks too large to count in the community graph."
    )
    note = serializers.CharField(allow_blank=True)


class SeriesSerializer(serializers.Serializer):
    network_type = serializers.CharField(allow_blank=True)
    network_scope = serializers.CharField(allow_blank=True)
    label = serializers.CharField()
    counts = serializers.ListField(child=serializers.IntegerField())


class TypeSeriesSerializer(serializers.Serializer):
    network_type = serializers.CharField(allow_blank=True)
    label = serializers.CharField()
    counts = serializers.ListField(child=serializers.IntegerField())


class TrendsSerializer(HeaderSerializer):
    years = serializers.ListField(child=serializers.IntegerField())
    memberships = SeriesSerializer(many=True)
    by_type = TypeSeriesSerializer(many=True)
    twinnings = serializers.ListField(child=serializers.IntegerField())
    summary = serializers.CharField(
        allow_blank=True, help_text="Twinnings against thematic networks, in words."
    )
    twin_towns = OrgRefSerializer(
        many=True, help_text="An organisation's twin towns on the day (empty without one)."
    )
