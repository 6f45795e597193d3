from exchange.settings import ExchangeSettings
from exchange.store.models import Base
from meshkit.migrations import run_env

run_env(Base.metadata, lambda: ExchangeSettings().migration_url())
