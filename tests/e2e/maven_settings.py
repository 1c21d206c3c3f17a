"""A Maven settings file that adds dist/maven as a repository, so a copied example
resolves com.avara artifacts exactly as it would from a real repository, and a helper
that forgets earlier copies of them (Maven never re-downloads a release it holds)."""

import shutil
from pathlib import Path

SETTINGS = """<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
  <profiles>
    <profile>
      <id>avara-dist</id>
      <repositories>
        <repository>
          <id>avara-dist</id>
          <url>{url}</url>
          <snapshots><enabled>false</enabled></snapshots>
        </repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository>
          <id>avara-dist</id>
          <url>{url}</url>
          <snapshots><enabled>false</enabled></snapshots>
        </pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles>
    <activeProfile>avara-dist</activeProfile>
  </activeProfiles>
</settings>
"""

# The artifacts dist/maven provides: cached copies of them must not stand in for dist's.
PROVIDED = ("com/avara/avara-java", "com/avara/avara-emulator")


def write_settings(folder: Path, repository: Path) -> Path:
    path = folder / "settings.xml"
    path.write_text(SETTINGS.format(url=repository.resolve().as_uri()))
    return path


def forget_cached_artifacts(local_repository: Path, version: str) -> None:
    for artifact in PROVIDED:
        shutil.rmtree(local_repository / artifact / version, ignore_errors=True)
