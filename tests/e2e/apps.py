"""How each example app is installed from dist/ into a fresh folder, as a user would
from the registries, and how it and its language's emulator companion are started."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from maven_settings import forget_cached_artifacts, write_settings
from processes import clean_environment, run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
VERSION = "0.1.0"
# Pinned so that resolving the emulator jar does not depend on Maven's default plugin.
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"


@dataclass
class Installed:
    """An app ready to start: `app` and `emulator` are argv lists run in `folder`."""

    folder: Path
    app: list[str]
    emulator: list[str]


def install_express(dist: Path, work: Path) -> Installed:
    folder = work / "express"
    shutil.copytree(EXAMPLES / "express", folder)
    # The tarballs stand in for the registry; package.json keeps "avara": "^0.1.0".
    run(["npm", "install", "--no-save", "--no-audit", "--no-fund",
         str(dist / f"avara-{VERSION}.tgz"), str(dist / f"avara-emulator-{VERSION}.tgz")],
        folder, clean_environment(), "npm install")
    return Installed(folder, ["node", "app.js"], ["npx", "avara-emulator"])


def install_flask(dist: Path, work: Path) -> Installed:
    folder = work / "flask"
    shutil.copytree(EXAMPLES / "flask", folder)
    env = clean_environment()
    run(["python3", "-m", "venv", str(work / "venv")], folder, env, "python3 -m venv")
    python = str(work / "venv" / "bin" / "python")
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--find-links", str(dist),
         "-r", "requirements.txt", f"avara-sdk-emulator=={VERSION}"], folder, env, "pip install")
    return Installed(folder, [python, "app.py"], [python, "-m", "avara.emulator"])


def install_spring_boot(dist: Path, work: Path) -> Installed:
    folder = work / "spring-boot"
    shutil.copytree(EXAMPLES / "spring-boot", folder)
    forget_cached_artifacts(Path.home() / ".m2" / "repository", VERSION)
    maven = ["mvn", "-B", "-ntp", "-q", "-s", str(write_settings(work, dist / "maven"))]
    env = clean_environment()
    run([*maven, "package"], folder, env, "mvn package")
    run([*maven, f"{DEPENDENCY_PLUGIN}:copy", f"-Dartifact=com.avara:avara-emulator:{VERSION}",
         f"-DoutputDirectory={work / 'emulator'}"], folder, env, "mvn dependency:copy of the emulator")
    return Installed(folder, ["java", "-jar", f"target/avara-spring-boot-example-{VERSION}.jar"],
                     ["java", "-jar", str(work / "emulator" / f"avara-emulator-{VERSION}.jar")])


INSTALLERS = {"express": install_express, "flask": install_flask, "spring-boot": install_spring_boot}
