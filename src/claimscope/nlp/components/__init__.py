"""Domain components, each registered with spaCy by name (``cs_*``) when this package is imported.

Every component reads and writes Doc extensions declared in ``claimscope.nlp.extensions``.
"""

from claimscope.nlp import extensions  # noqa: F401  (declares the Doc extensions first)
from claimscope.nlp.components import attribution  # noqa: F401,E402  isort: skip
from claimscope.nlp.components import amounts, dates  # noqa: F401,E402  (cs_dates, cs_amounts)
from claimscope.nlp.components import entities  # noqa: F401,E402  (cs_entities)
