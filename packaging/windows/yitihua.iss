; Inno Setup script for the Windows installer (Inno Setup 6).
; Build after `cargo build --release` from the repository root:
;   iscc packaging\windows\yitihua.iss
; The installer asks whether to install for all users (needs administrator rights) or only
; for the current user (no administrator rights); /CURRENTUSER on the command line picks the
; latter silently.

#define AppName "工学一体化申报助手"
#define AppVersion "0.1.0"
#define Root "..\.."

[Setup]
AppId={{6F1C3B52-7A0E-4C43-9C0B-59544841A001}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=yitihua
DefaultDirName={autopf}\yitihua
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ChangesAssociations=yes
SetupIconFile={#Root}\assets\icons\yitihua.ico
UninstallDisplayIcon={app}\yitihua.exe
OutputDir={#Root}\target\installer
OutputBaseFilename=yitihua-{#AppVersion}-windows-x64-setup
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Root}\target\release\yitihua.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Root}\assets\icons\yitihua.ico"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Root}\assets\fonts\OFL.txt"; DestDir: "{app}\licences"; DestName: "Noto-Sans-CJK-OFL.txt"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\yitihua.exe"; IconFilename: "{app}\yitihua.ico"
Name: "{group}\卸载 {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\yitihua.exe"; IconFilename: "{app}\yitihua.ico"; Tasks: desktopicon

[Registry]
; .yth files open in the app and show its icon. HKA is HKLM for all-users installs and HKCU
; for per-user installs, so the association needs no administrator rights in the latter.
Root: HKA; Subkey: "Software\Classes\.yth"; ValueType: string; ValueName: ""; ValueData: "yitihua.School"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.yth\OpenWithProgids"; ValueType: string; ValueName: "yitihua.School"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\yitihua.School"; ValueType: string; ValueName: ""; ValueData: "工学一体化申报助手学校文件"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\yitihua.School\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\yitihua.ico,0"
Root: HKA; Subkey: "Software\Classes\yitihua.School\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\yitihua.exe"" ""%1"""

[Run]
Filename: "{app}\yitihua.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
