"""Pure network analytics: NumPy/SciPy sparse matrices, igraph, leidenalg; no Django.

Fill a ``Landscape`` (landscape.py) and call the analyses; every one takes ``as_of`` (an
ordinal day) and returns a dataclass from results.py with positions and database ids and
structured ``Reason``s (codes documented in results.py).
"""

from verkosto.analytics.core.centrality import centrality
from verkosto.analytics.core.communities import city_communities
from verkosto.analytics.core.gaps import org_gaps
from verkosto.analytics.core.landscape import OPEN_END, OPEN_START, Landscape
from verkosto.analytics.core.overlap import network_overlap, top_overlaps
from verkosto.analytics.core.peers import city_peers, city_peers_many
from verkosto.analytics.core.results import REASON_CODES, Reason
from verkosto.analytics.core.trends import trends

__all__ = [
    "OPEN_END",
    "OPEN_START",
    "REASON_CODES",
    "Landscape",
    "Reason",
    "centrality",
    "city_communities",
    "city_peers",
    "city_peers_many",
    "network_overlap",
    "org_gaps",
    "top_overlaps",
    "trends",
]
