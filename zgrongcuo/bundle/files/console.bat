@echo off
rem Opens a command window in which the zgrongcuo command runs (installing it first if needed).
rem Plain ASCII, as install.bat is, for the same reason. The new window's cmd.exe expands the
rem variable itself, inside quotes, so that no character of the folder's name can break the line.
if not exist "%~dp0venv\Scripts\zgrongcuo.exe" call "%~dp0install.bat" %*
if not exist "%~dp0venv\Scripts\zgrongcuo.exe" exit /b 1
set "ZG_ACTIVATE=%~dp0venv\Scripts\activate.bat"
cmd /k call "%%ZG_ACTIVATE%%" ^& zgrongcuo --help
