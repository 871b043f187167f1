"""Rebound's domain and persistence layer.

Plain Python: models, repositories, the atomic TinyDB storage, dates, import and export.
Nothing here imports Textual or Rich (tests/test_layering.py proves it), so the command-line
paths (`rebound-tui today`, `doctor`, `export`) stay quick and the logic is testable alone.
"""

__version__ = "0.1.0"
