from identity.settings import IdentitySettings
from identity.store.models import Base
from meshkit.migrations import run_env

run_env(Base.metadata, lambda: IdentitySettings().migration_url())
