"""NLP stage: a spaCy pipeline of named components turns Documents into Annotations."""

from claimscope.nlp.pipeline import annotate, load_nlp

__all__ = ["annotate", "load_nlp"]
