; The Windows installer: for the current user only, no administrator rights asked (NSIS
; `RequestExecutionLevel user`), into %LOCALAPPDATA%\Programs\Shinchoku, with a Start menu
; entry, the .ron report type, the guide beside the program (src/app/help.rs finds it as
; docs\guide-ja.html there) and an uninstaller in Settings → Apps.
;
;   makensis /DVERSION=1.0.0 /DSTAGE=path\to\stage /DOUTFILE=shinchoku-1.0.0-setup.exe shinchoku.nsi
;
; STAGE holds shinchoku.exe, docs\ (the guide and its images), OFL.txt and README.md: what
; .github/workflows/windows.yml lays out for the portable zip too.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "give /DVERSION=x.y.z"
!endif
!ifndef STAGE
  !error "give /DSTAGE=folder"
!endif
!ifndef OUTFILE
  !define OUTFILE "shinchoku-${VERSION}-setup.exe"
!endif

Name "進捗 Shinchoku ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Shinchoku"
InstallDirRegKey HKCU "Software\Shinchoku" "InstallDir"
SetCompressor /SOLID lzma
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Shinchoku"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1041 "ProductName" "進捗 Shinchoku"
VIAddVersionKey /LANG=1041 "FileDescription" "進捗 Shinchoku のインストーラー（このユーザーだけ・管理者権限不要）"
VIAddVersionKey /LANG=1041 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1041 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1041 "LegalCopyright" "Shinchoku project (MIT OR Apache-2.0)"

!define MUI_ICON "..\..\assets\icon\shinchoku.ico"
!define MUI_UNICON "..\..\assets\icon\shinchoku.ico"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\shinchoku.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_LANGUAGE "English"

Section "Shinchoku"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}\shinchoku.exe"
  File "${STAGE}\OFL.txt"
  File "${STAGE}\README.md"
  SetOutPath "$INSTDIR\docs"
  File "${STAGE}\docs\guide-ja.html"
  File "${STAGE}\docs\guide-division-ja.html"
  SetOutPath "$INSTDIR\docs\images"
  File "${STAGE}\docs\images\*.png"
  SetOutPath "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\進捗 Shinchoku.lnk" "$INSTDIR\shinchoku.exe"
  CreateShortcut "$SMPROGRAMS\進捗 操作説明書.lnk" "$INSTDIR\docs\guide-ja.html"

  ; Reports (.ron) open in Shinchoku when double-clicked: the current user's classes only.
  WriteRegStr HKCU "Software\Classes\.ron" "" "Shinchoku.Report"
  WriteRegStr HKCU "Software\Classes\Shinchoku.Report" "" "進捗の報告ファイル"
  WriteRegStr HKCU "Software\Classes\Shinchoku.Report\DefaultIcon" "" "$INSTDIR\shinchoku.exe,0"
  WriteRegStr HKCU "Software\Classes\Shinchoku.Report\shell\open\command" "" '"$INSTDIR\shinchoku.exe" "%1"'

  WriteRegStr HKCU "Software\Shinchoku" "InstallDir" "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "進捗 Shinchoku"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Shinchoku project"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\shinchoku.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Settings (%APPDATA%\shinchoku\data) and recovery copies (%APPDATA%\Shinchoku\recovery) are
; the user's: the uninstaller leaves them, as it leaves the user's reports.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\進捗 Shinchoku.lnk"
  Delete "$SMPROGRAMS\進捗 操作説明書.lnk"
  RMDir /r "$INSTDIR\docs"
  Delete "$INSTDIR\shinchoku.exe"
  Delete "$INSTDIR\OFL.txt"
  Delete "$INSTDIR\README.md"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  StrCmp $0 "Shinchoku.Report" 0 +2
    DeleteRegKey HKCU "Software\Classes\.ron"
  DeleteRegKey HKCU "Software\Classes\Shinchoku.Report"
  DeleteRegKey HKCU "Software\Shinchoku"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
