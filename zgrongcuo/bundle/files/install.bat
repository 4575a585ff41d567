@echo off
rem Installs zgrongcuo @VERSION@ from the wheels beside this file into the folder "venv"
rem beside it, with no network. Double-click it, or run it in a command window:
rem   install.bat --lang en                        messages in English
rem   set "ZGRONGCUO_PYTHON=C:\path\python.exe"    the Python to use
rem
rem This file is plain ASCII on purpose. cmd.exe reads a batch file in the console's
rem code page (936 on most Chinese PCs, 437 or 65001 on others), so Chinese written
rem here would be misread on some of them. What needs saying in Chinese is said by
rem install.py (Python writes to the console in Unicode) or in the instructions (.txt).
setlocal
set "ZG_HERE=%~dp0"
set "ZG_STATUS=1"
if not exist "%ZG_HERE%install.py" goto not_extracted

rem The newest 64-bit Python the bundle has wheels for; "py -3.12-64" asks the Python launcher
rem (and "py -3.12" a launcher that knows no "-64"); install.py --probe says whether it fits.
set "ZG_PY="
if defined ZGRONGCUO_PYTHON call :fits "%ZGRONGCUO_PYTHON%"
for %%V in (@PYTHONS@) do if not defined ZG_PY call :fits py -%%V-64
for %%V in (@PYTHONS@) do if not defined ZG_PY call :fits py -%%V
if not defined ZG_PY call :fits python
if not defined ZG_PY goto no_python
%ZG_PY% "%ZG_HERE%install.py" %*
set "ZG_STATUS=%ERRORLEVEL%"
goto end

:no_python
rem None fits. A Python 3 that is there says why, in the user's language.
if defined ZGRONGCUO_PYTHON call :python3 "%ZGRONGCUO_PYTHON%"
if not defined ZG_PY call :python3 py -3
if not defined ZG_PY call :python3 python
if not defined ZG_PY goto no_python_at_all
%ZG_PY% "%ZG_HERE%install.py" %*
goto end

:no_python_at_all
rem No Python 3 at all: say so, and open the instructions, which say it in Chinese first.
echo.
echo @NO_PYTHON@
echo.
for %%F in ("%ZG_HERE%*.txt") do start "" notepad "%%~fF"
goto end

:not_extracted
rem Started from inside the .zip: nothing else was extracted with it.
echo.
echo @NOT_EXTRACTED@
echo.
goto end

:fits
%* "%ZG_HERE%install.py" --probe >nul 2>&1 && set "ZG_PY=%*"
exit /b 0

:python3
%* -c "import sys; sys.exit(sys.version_info[0] != 3)" >nul 2>&1 && set "ZG_PY=%*"
exit /b 0

:end
rem Double-clicked, the script is named by its full path: keep the window open to be read.
if /i "%~0"=="%~f0" pause
exit /b %ZG_STATUS%
