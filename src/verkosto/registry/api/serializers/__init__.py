"""Serializers: the JSON shape of each registry resource and the validation of input."""
