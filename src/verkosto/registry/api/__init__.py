"""The registry over REST: serializers check the shape of input, views call services."""
