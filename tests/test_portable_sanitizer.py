"""The portable mode's sanitizer masks measured digits and nothing that carries a lesson."""

import re
from pathlib import Path

import pytest
from nbval.plugin import get_sanitize_patterns

CONFIG = Path(__file__).resolve().parent / "nbval-portable.cfg"


def _sanitize(text):
    """Apply the file's regexes in order, read by nbval's own parser, as --nbval-sanitize-with does."""
    patterns = get_sanitize_patterns(CONFIG.read_text())
    assert patterns, "the sanitizer file holds no regex/replace pair"
    for regex, replace in patterns:
        text = re.sub(regex, replace, text)
    return text


@pytest.mark.parametrize(("stored", "elsewhere"), [
    ("held-out MSE: autoencoder 0.014, mean image 0.068", "held-out MSE: autoencoder 0.019, mean image 0.068"),
    ("gain over bicubic: +4.7 dB", "gain over bicubic: +3.9 dB"),
    ("held-out accuracy: 89%", "held-out accuracy: 91%"),
    ("lambda 1e-05: share of inactive units 31 %", "lambda 1e-05: share of inactive units 8 %"),
    ("  1e-05    0.011      24%   0.0096", "  1e-05   0.0096       9%    0.011"),  # a table column's padding
])
def test_measured_digits_are_masked(stored, elsewhere):
    assert _sanitize(stored) == _sanitize(elsewhere)


@pytest.mark.parametrize(("stored", "changed"), [
    ("the good rate ends lowest: True", "the good rate ends lowest: False"),  # a boolean
    ("total: 13 parameters", "total: 14 parameters"),  # an integer parameter count
    ("decoder g: 50,960 parameters", "decoder g: 50,961 parameters"),
    ("train (4000, 784), test (1000, 784)", "train (4000, 28, 28), test (1000, 784)"),  # a shape
    ("PCA beats the autoencoder at k = 2", "the autoencoder beats PCA at k = 2"),  # the words
    ("8 bits per value: 64 bytes per image", "8 bits per value: 65 bytes per image"),
    ("vanilla   101,200   0.0332", "vanilla   101,201   0.0332"),  # an integer in a padded table
])
def test_what_carries_a_lesson_still_counts(stored, changed):
    assert _sanitize(stored) != _sanitize(changed)
