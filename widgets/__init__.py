"""Reusable UI pieces, one per file. They take plain values in and post messages out; they never
import ``store`` (tests/test_layering.py checks it)."""
