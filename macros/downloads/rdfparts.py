"""One RDF file from graphs that rdflib serialises one after another, so that the whole
graph never has to be in memory at once (the data catalogue at national scale).

Only rdflib writes statements; this joins its documents. Turtle: each part's @prefix
lines are dropped where the prefix is already bound to the same namespace. RDF/XML: each
part's rdf:RDF element is unwrapped, and one rdf:RDF element declares the namespaces of
all of them (copied as rdflib wrote them), which must agree.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from typing import BinaryIO

_PREFIX = re.compile(rb"@prefix ([\w.-]*): <[^>]*> \.\n")
_RDF_START = re.compile(rb'<\?xml version="1\.0" encoding="utf-8"\?>\n<rdf:RDF\n((?:\s*xmlns:[\w.-]+="[^"]*"\n)*)>\n')
_NAMESPACE = re.compile(rb'xmlns:([\w.-]+)="([^"]*)"')
_RDF_END = b"</rdf:RDF>\n"


class Turtle:
    def __init__(self, out: BinaryIO):
        self.out = out
        self.bound: dict[bytes, bytes] = {}  # prefix → its @prefix line in force

    def add(self, document: bytes) -> None:
        position = 0
        while match := _PREFIX.match(document, position):
            line = match.group(0)
            if self.bound.get(match.group(1)) != line:
                self.out.write(line)
                self.bound[match.group(1)] = line
            position = match.end()
        self.out.write(document[position:])


class RdfXml:
    def __init__(self, out: BinaryIO):
        self.out = out
        self.namespaces: dict[bytes, bytes] = {}
        self.parts = tempfile.TemporaryFile()  # the root element is written last, when all are known

    def add(self, document: bytes) -> None:
        start = _RDF_START.match(document)
        if start is None or not document.endswith(_RDF_END):
            raise ValueError("rdflib's RDF/XML did not have the form expected")
        for prefix, namespace in _NAMESPACE.findall(start.group(1)):
            if self.namespaces.setdefault(prefix, namespace) != namespace:
                raise ValueError(f"the prefix {prefix.decode()} stands for two namespaces")
        self.parts.write(document[start.end():-len(_RDF_END)])

    def close(self) -> None:
        self.out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF\n')
        for prefix, namespace in sorted(self.namespaces.items()):
            self.out.write(b'  xmlns:%s="%s"\n' % (prefix, namespace))
        self.out.write(b">\n")
        self.parts.seek(0)
        shutil.copyfileobj(self.parts, self.out)
        self.parts.close()
        self.out.write(_RDF_END)
