"""JSON token scanner."""

from json.decoder import make_scanner

__all__ = ['make_scanner']
