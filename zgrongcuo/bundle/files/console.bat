@echo off
rem Opens a command window in which the zgrongcuo command runs (installing it first if needed).
rem Plain ASCII, as install.bat is, for the same reason.
if not exist "%~dp0venv\Scripts\zgrongcuo.exe" call "%~dp0install.bat" %*
if not exist "%~dp0venv\Scripts\zgrongcuo.exe" exit /b 1
cmd /k ""%~dp0venv\Scripts\activate.bat" & zgrongcuo --help"
