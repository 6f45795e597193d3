"""HTTP out: provider systems (proxied reads), subscribers' webhooks, the city platform."""
