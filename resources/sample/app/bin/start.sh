#!/bin/sh
# Sample entry point: prints the configuration and exits.
cat "${APP_HOME:-/opt/app}/config/app.ini"
