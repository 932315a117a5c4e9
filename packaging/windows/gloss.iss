; Inno Setup script for Gloss (Inno Setup 6). Built by packaging/build.py, which passes the
; version from pyproject.toml and the paths:
;   iscc /DAppVersion=0.1.0 /DAppVersionQuad=0.1.0.0 /DSourceDir=dist\Gloss
;        /DOutputDir=dist /DIconFile=build\icons\gloss.ico /DAppExe=gloss.exe
;        /DConsoleExe=gloss-cli.exe packaging\windows\gloss.iss
; (build.py's iscc_defines; tests/test_packaging.py holds the two against each other.)
;
; Per-user by default: no administrator rights, installs under %LOCALAPPDATA%\Programs,
; registers under HKCU. The first page offers an install for all users instead.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (packaging/build.py does)
#endif
#ifndef AppVersionQuad
  #define AppVersionQuad AppVersion + ".0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Gloss"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\gloss.ico"
#endif

#ifndef AppExe
  #define AppExe "gloss.exe"
#endif
; The console build of the same program, for `gloss-cli list` and the like in a terminal:
; the windowed gloss.exe has no console to print to.
#ifndef ConsoleExe
  #define ConsoleExe "gloss-cli.exe"
#endif

#define AppName "Gloss"
#define AppPublisher "The Gloss authors"
#define ProgId "Gloss.SavedPage"

[Setup]
; Keep AppId for ever: it is how upgrades and the uninstaller find an existing install.
AppId={{378CB8CF-D30F-4E57-92D1-F8F6CD3EFB6F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=Copyright (c) the Gloss authors. MIT License.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes
; The version resource of the setup program itself.
VersionInfoVersion={#AppVersionQuad}
VersionInfoProductVersion={#AppVersionQuad}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoCompany={#AppPublisher}
VersionInfoDescription={#AppName} setup
VersionInfoCopyright=Copyright (c) the Gloss authors. MIT License.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Read saved web articles and check them sentence by sentence"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon
; A terminal with the console program's help: `gloss-cli list`, `gloss-cli import ...`.
Name: "{autoprograms}\{#AppName} command line"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#ConsoleExe}"" --help"; WorkingDir: "{%USERPROFILE}"; IconFilename: "{app}\{#AppExe}"; Comment: "Gloss's commands in a terminal (gloss-cli.exe)"

[Registry]
; "Open with > Gloss" for saved pages. HKA is HKCU\Software\Classes in a per-user install
; (HKLM in an all-users one). Only OpenWithProgids entries: the browser stays the default.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Saved web page"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: "FriendlyTypeName"; ValueData: "Saved web page"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.html\OpenWithProgids"; ValueType: none; ValueName: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.htm\OpenWithProgids"; ValueType: none; ValueName: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.mhtml\OpenWithProgids"; ValueType: none; ValueName: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.mht\OpenWithProgids"; ValueType: none; ValueName: "{#ProgId}"; Flags: uninsdeletevalue
; How "Open with" names the program and which types it offers it for.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".html"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".htm"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".mhtml"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".mht"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The library (articles, pictures, notes) lives in %APPDATA%\Gloss, outside the program
// folder, so uninstalling never touches it unless the user says so here. Silent uninstalls
// keep it.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  LibraryDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  LibraryDir := ExpandConstant('{userappdata}\{#AppName}');
  if not DirExists(LibraryDir) then
    Exit;
  if UninstallSilent then
    Exit;
  if MsgBox('Gloss has been removed.' + #13#10 + #13#10 +
            'Your library (saved articles, pictures and notes) is still in:' + #13#10 +
            LibraryDir + #13#10 + #13#10 +
            'Delete your library too? This cannot be undone.' + #13#10 +
            'Choose No to keep it for a later install.',
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    if not DelTree(LibraryDir, True, True, True) then
      MsgBox('Some files in ' + LibraryDir + ' could not be deleted.', mbError, MB_OK);
  end;
end;
