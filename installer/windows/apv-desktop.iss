; Inno Setup 6 script: a per-user installer for APV Desktop (no administrator rights needed).
; Built by installer/build.py on Windows, which passes the version and the folders:
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\dist\apv-desktop /DOutputDir=..\..\dist apv-desktop.iss
; See docs/installing.md.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (installer/build.py does)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\apv-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "APV Desktop"
#define AppExe "apv-desktop.exe"
#define ProgId "APVDesktop.Project"

[Setup]
; The AppId never changes: an upgrade replaces the program in place and keeps everything else.
AppId={{6F1C2B7E-3A54-4C1D-9E0B-5D2A8F4C7B31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=APV Desktop
VersionInfoVersion={#AppVersion}
; Per user: installs into %LOCALAPPDATA%\Programs and writes HKCU only. The dialog lets someone
; with rights choose "all users" instead.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile=..\..\resources\icons\apv-desktop.ico
OutputDir={#OutputDir}
OutputBaseFilename=apv-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Tell Explorer that .apv now has an icon and an owner.
ChangesAssociations=yes
; Close a running copy before replacing its files.
CloseApplications=yes

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
danish.ProjectFile=APV Desktop-projekt
swedish.ProjectFile=APV Desktop-projekt
english.ProjectFile=APV Desktop project

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle. Old files of a previous version are removed first (below), so an
; upgrade never mixes two versions' libraries.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\resources\icons\apv-desktop.ico"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA = HKCU for a per-user install, HKLM for all users. uninsdeletekey removes our own keys
; on uninstall; the .apv key itself only loses our value, so other programs' entries survive.
Root: HKA; Subkey: "Software\Classes\.apv"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.apv\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ProjectFile}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\apv-desktop.ico,0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".apv"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; User data (preferences, backups, crash logs in %LOCALAPPDATA%\APV Desktop) and the user's
; projects are never touched: [UninstallDelete] deliberately lists nothing outside {app}.
