@echo off
rem LearningSA Studio launcher. No arguments opens the app; "lsa --help" lists the commands.
set APP_HOME=%~dp0..
if defined JAVA_HOME (set JAVA="%JAVA_HOME%\bin\java") else (set JAVA=java)
%JAVA% -Dai.djl.offline=true -Dlsa.home="%APP_HOME%" %JAVA_OPTS% -cp "%APP_HOME%\lib\*" ${main.class} %*
