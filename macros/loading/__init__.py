"""Reading and validating data/: YAML files in, a checked `model.Corpus` out.

Everything that can be wrong with the data is found here, with file, line and
a Swedish explanation, before any page is rendered or any file is written.
"""

from .corpus import load_corpus
from .errors import DataError, DataErrors

__all__ = ["DataError", "DataErrors", "load_corpus"]
