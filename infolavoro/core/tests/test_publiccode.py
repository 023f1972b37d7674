"""publiccode.yml at the repository root follows the Developers Italia standard (0.4 core, Italian extension 1.0),
checked against the standard's keys and vocabularies vendored in publiccode-0.4.schema.json."""

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = json.loads((Path(__file__).parent / "publiccode-0.4.schema.json").read_text(encoding="utf-8"))


def load():
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def test_publiccode_yml_is_valid():
    jsonschema.validate(load(), SCHEMA)


def test_descriptions_in_italian_and_english_with_the_adoption_commands():
    data = load()
    assert set(data["description"]) == {"it", "en"}
    for text in data["description"].values():
        assert "create_desk" in text["longDescription"]
        assert "import_network" in text["longDescription"]
    assert data["localisation"]["availableLanguages"] == ["it", "en"]


def test_licence_matches_the_readme():
    assert load()["legal"]["license"] in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("path", "value"), [
    (("developmentStatus",), "finished"), (("softwareType",), "website"), (("categories",), ["jobs"]),
    (("description", "it", "shortDescription"), "x" * 151), (("maintenance", "type"), "sometimes"),
])
def test_the_schema_catches_mistakes(path, value):
    """The check is not vacuous: values outside the standard fail."""
    data = load()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_missing_required_key_fails():
    data = load()
    del data["localisation"]
    with pytest.raises(jsonschema.ValidationError, match="localisation"):
        jsonschema.validate(data, SCHEMA)
