"""The pipeline driver: order, skipped documents, a failing component, several processes."""

from __future__ import annotations

import copy

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claimscope.config import load_settings
from claimscope.model import Document
from claimscope.nlp import annotate


@Language.component("cs_test_explodes_on_boom")
def _explodes(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise RuntimeError("component bug")
    doc._.cs_dates = [{"text": "x", "value": "2015", "start": 0, "end": 1}]
    return doc


def settings_with(components: list[str], **nlp: object) -> dict:
    settings = copy.deepcopy(load_settings())
    settings["nlp"].update({"components": components, **nlp})
    return settings


def doc(i: int, text: str, language: str | None = "en") -> Document:
    return Document(id=str(i), text=text, source=f"d{i}", language=language)


DOCS = [
    doc(0, "Police detained two men in Osh on Monday."),
    doc(1, "Милиция задержала двух человек в Оше.", language="ru"),
    doc(2, "BOOM. The component fails on this one."),
    doc(3, "x" * 500),
    doc(4, "The ministry said the suspects were released."),
]


def test_every_document_comes_back_once_in_input_order() -> None:
    out = list(annotate(DOCS, settings_with(["cs_test_explodes_on_boom"], max_chars=400), n_process=1))
    assert [d.id for d, _ in out] == ["0", "1", "2", "3", "4"]


def test_documents_not_read_say_why(capsys: pytest.CaptureFixture[str]) -> None:
    out = dict((d.id, a) for d, a in annotate(DOCS, settings_with(["cs_test_explodes_on_boom"], max_chars=400),
                                               n_process=1))
    assert "not English" in (out["1"].skipped or "")
    assert "extraction failed" in (out["2"].skipped or "")
    assert "max_chars" in (out["3"].skipped or "")
    assert out["0"].skipped is None and out["0"].dates[0].value == "2015"
    assert "component bug" in capsys.readouterr().err


def test_two_processes_give_the_same_annotations_as_one() -> None:
    many = [doc(i, f"Police in city number {i} detained {i} people on Monday, officials said.") for i in range(40)]
    settings = settings_with(["cs_test_explodes_on_boom"])
    one = [(d.id, a.dates) for d, a in annotate(many, settings, n_process=1)]
    two = [(d.id, a.dates) for d, a in annotate(many, settings, n_process=2)]
    assert one == two
