from catalog.settings import CatalogSettings
from catalog.store.models import Base
from meshkit.migrations import run_env

run_env(Base.metadata, lambda: CatalogSettings().migration_url())
