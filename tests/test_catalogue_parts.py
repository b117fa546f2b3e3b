"""The catalogue written a graph at a time (macros/downloads/rdfparts) is the graph made in
one piece, in both syntaxes, whatever the text; and work done in the background
(macros/forked.Later) returns its result or fails loudly."""

from __future__ import annotations

import io
import os
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib import namespace as ns

from macros import forked
from macros.downloads import rdfparts

EX = Namespace("https://exempel.se/")
# Any text XML can hold (no control characters but tab and line feed), and the joins' own syntax.
text = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t"), max_size=30) \
    | st.sampled_from(["\n@prefix dcat: <https://ond.se/> .\n", "</rdf:RDF>\n", '"""', "<rdf:RDF\n>", "\\"])


def _graph(statements) -> Graph:
    graph = Graph()
    graph.bind("dcat", ns.DCAT)
    graph.bind("dcterms", ns.DCTERMS)
    for subject, value in statements:
        graph.add((EX[f"s{subject}"], ns.DCTERMS.title, Literal(value, lang="sv")))
        graph.add((EX[f"s{subject}"], ns.DCAT.dataset, EX[f"s{subject + 1}"]))
    return graph


def _joined(parts: list[Graph]) -> tuple[Graph, Graph]:
    turtle, rdfxml = io.BytesIO(), io.BytesIO()
    joined_turtle, joined_rdfxml = rdfparts.Turtle(turtle), rdfparts.RdfXml(rdfxml)
    for part in parts:
        joined_turtle.add(part.serialize(format="turtle", encoding="utf-8"))
        joined_rdfxml.add(part.serialize(format="pretty-xml", encoding="utf-8"))
    joined_rdfxml.close()
    return (Graph().parse(data=turtle.getvalue(), format="turtle"),
            Graph().parse(data=rdfxml.getvalue(), format="xml"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 5), text), min_size=1, max_size=5), min_size=1, max_size=4))
def test_parts_joined_are_the_whole_graph(parts):
    whole = _graph([statement for part in parts for statement in part])
    turtle, rdfxml = _joined([_graph(part) for part in parts])
    assert isomorphic(turtle, whole)
    assert isomorphic(rdfxml, whole)


def test_a_prefix_bound_again_to_another_namespace_holds_from_there_on():
    first, second, third = Graph(), Graph(), Graph()
    first.bind("p", Namespace("https://ett.se/"))
    second.bind("p", Namespace("https://tva.se/"))
    third.bind("p", Namespace("https://ett.se/"))
    for graph, namespace in ((first, "https://ett.se/"), (second, "https://tva.se/"), (third, "https://ett.se/")):
        graph.add((URIRef(namespace + "a"), URIRef(namespace + "b"), Literal(namespace)))
    out = io.BytesIO()
    turtle = rdfparts.Turtle(out)
    for graph in (first, second, third):
        turtle.add(graph.serialize(format="turtle", encoding="utf-8"))
    assert isomorphic(Graph().parse(data=out.getvalue(), format="turtle"), first + second + third)
    # In RDF/XML one root declares every prefix: two meanings of one prefix cannot be joined.
    rdfxml = rdfparts.RdfXml(io.BytesIO())
    rdfxml.add(first.serialize(format="pretty-xml", encoding="utf-8"))
    with pytest.raises(ValueError, match="the prefix p stands for two namespaces"):
        rdfxml.add(second.serialize(format="pretty-xml", encoding="utf-8"))


def _child_pid() -> int:
    return os.getpid()


def test_later_runs_in_another_process_with_two_and_here_with_one():
    assert forked.Later(_child_pid, 2).result() != os.getpid()
    assert forked.Later(_child_pid, 1).result() == os.getpid()


def _fails():
    raise KeyError("saknas")


def test_a_failure_in_the_background_is_raised_with_its_traceback_where_the_result_is_wanted():
    later = forked.Later(_fails, 2)
    for _ in range(2):  # and again, for anyone else who asks
        with pytest.raises(RuntimeError, match=r"(?s)work in the background failed.*KeyError: 'saknas'"):
            later.result()


def test_cancelled_work_is_stopped_and_gives_no_result():
    started = time.monotonic()
    later = forked.Later(lambda: time.sleep(60), 2)
    later.cancel()
    assert time.monotonic() - started < 30
    with pytest.raises(RuntimeError, match="it was stopped"):
        later.result()
