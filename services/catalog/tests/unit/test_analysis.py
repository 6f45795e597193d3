"""Chinese text analysis: words, bigrams, pinyin and initials on both sides, as tsvector/tsquery literals."""

import pytest

from catalog.demo import MATTERS
from catalog.domain import analysis
from catalog.domain.matters import MaterialSpec, MatterSpec
from catalog.domain.search import FACET_BITS, concepts, facet_bits, matter_documents

pytestmark = pytest.mark.unit


def lexemes(literal: str) -> set[str]:
    return {part.split("':")[0].strip("'") for part in literal.split(" ")}


def test_document_has_words_bigrams_pinyin_and_initials() -> None:
    found = lexemes(analysis.document([analysis.Field("营业执照", "A", pinyin=True)]))
    assert {"营业执照", "营业", "执照", "业执", "yingyezhizhao", "yyzz", "yingye"} <= found


def test_weights_and_codes() -> None:
    literal = analysis.document(
        [analysis.Field("食品经营许可", "A"), analysis.Field("经营场所平面图", "C")],
        exact=["500110-SCJGJ-SPJY-XK"],
    )
    assert literal.startswith("'500110-scjgj-spjy-xk':1A")
    assert "'经营':" in literal
    assert (
        literal.split("'经营':")[1].split(" ")[0].endswith("A")
    )  # the heaviest occurrence (the name) is kept
    assert literal.split("'平面':")[1].split(" ")[0].endswith("C")


def test_names_keep_single_characters() -> None:
    assert "餐" in lexemes(analysis.document([analysis.Field("小餐饮登记", "A", characters=True)]))
    assert "餐" not in lexemes(analysis.document([analysis.Field("小餐饮登记", "D")]))


def test_queries() -> None:
    assert analysis.query("营业执照") == "'营业' & '业执' & '执照'"
    assert analysis.query("YYZZ") == "'yyzz':*"
    assert analysis.query("餐") == "'餐':*"
    assert analysis.query("个体户 gtgsh") == "'个体' & '体户' & 'gtgsh':*"
    assert analysis.query("！？ ") is None
    assert analysis.query("开'饭") == "'开':* & '饭':*"  # quotes never reach the literal


def test_full_width_input_is_normalized() -> None:
    assert analysis.query("ＹＹＺＺ") == "'yyzz':*"


def test_concepts_expand_synonyms() -> None:
    found = concepts("开饭店", [["食品经营许可", "餐饮服务"]])
    assert found.own == "'开饭' & '饭店'"
    assert found.expansions == ("'食品' & '品经' & '经营' & '营许' & '许可'", "'餐饮' & '饮服' & '服务'")
    assert found.combined is not None
    assert found.combined.count(" | ") == 2


def test_headline_keeps_only_names_keywords_and_results() -> None:
    spec = MatterSpec(
        code="X-1",
        name="食品经营许可",
        matter_type="01",
        department_code="D",
        statutory_days=20,
        promised_days=10,
        result_name="食品经营许可证",
        guide="餐饮服务须先办理营业执照",
        materials=(MaterialSpec("经营场所平面布局图"),),
    )
    documents = matter_documents(spec)
    assert {"餐饮", "平面", "布局"} <= lexemes(documents.document)
    assert not {"餐饮", "平面"} & lexemes(documents.headline)
    assert {"食品", "许可证", "spjyxk", "x-1"} <= lexemes(documents.headline)


def test_every_headline_lexeme_is_in_the_document() -> None:
    """Search ranks only the headline matches and relies on each of them being a document match too."""
    for spec in MATTERS:
        documents = matter_documents(spec)
        assert lexemes(documents.headline) <= lexemes(documents.document), spec.code


def test_facet_bits() -> None:
    bits = facet_bits(
        matter_type="01",
        levels=("district", "town"),
        audiences=("1",),
        online_depths=("1", "2"),
        zero_visits=True,
        bundle=False,
    )
    held = {FACET_BITS[n] for n in range(len(FACET_BITS)) if bits >> n & 1}
    assert held == {
        ("type", "01"),
        ("level", "district"),
        ("level", "town"),
        ("audience", "1"),
        ("online_depth", "1"),
        ("online_depth", "2"),
        ("zero_visits", "true"),
        ("bundle", "false"),
    }


def test_tokenizer_loads_once() -> None:
    assert analysis.tokenizer() is analysis.tokenizer()
