"""Domain components, each registered with spaCy by name (``cs_*``) when this package is imported.

Every component reads and writes Doc extensions declared in ``claimscope.nlp.extensions``.
"""

from claimscope.nlp import extensions  # noqa: F401  (declares the Doc extensions first)
from claimscope.nlp.components import (  # noqa: F401  (registers cs_amounts, cs_attribution, ...)
    amounts,
    attribution,
    dates,
    entities,
)
