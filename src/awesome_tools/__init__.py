"""Tooling that keeps an awesome list of model architectures as checked data."""

from __future__ import annotations

__version__ = "0.1.0"
