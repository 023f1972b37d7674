import pytest
from django.core.exceptions import ValidationError

from infolavoro.intake.validators import validate_codice_fiscale


@pytest.mark.parametrize("value", ["RSSMRA85T10A562S", "rssmra85t10a562s", " RSSMRA85T10A562S ",
                                   "RSSMRA85T10A56NH"])  # the last one has omocodia (2 -> N) and its own check
def test_valid_codes_pass(value):
    validate_codice_fiscale(value)


@pytest.mark.parametrize(("value", "fragment"), [
    ("RSSMRA85T10A562X", "carattere di controllo"),
    ("RSSMRA85T10A562", "16 caratteri"),
    ("RSSMRA85Z10A562S", "formato"),
    ("1234567890123456", "formato"),
])
def test_invalid_codes_get_a_clear_italian_message(value, fragment):
    with pytest.raises(ValidationError) as exc:
        validate_codice_fiscale(value)
    assert fragment in exc.value.messages[0]
