<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseStatus</name>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <source>{n} cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seat console hit an unexpected error. Your work is kept where possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report was saved to {path}. Please give it to your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <source>Calls and channel reports will queue here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to the seat console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo backend: try operator1 with the password demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user name, the password and the seat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown user or wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend refused the login: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend cannot be reached. Check the connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts and early warnings will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall layouts, cameras and dashboards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone, radio, messages and conferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[EXERCISE] {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>【演练】</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat console of the regional governance command center.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCaseForm</name>
    <message>
        <source>Street, number, landmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, where exactly, since when, who is affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create case (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a category from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description is longer than {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend did not accept the case: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the backend. The form is kept; submit again when connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {no} created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeatStatusBar</name>
    <message>
        <source>EXERCISE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat: {seat}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <source>command-seat self-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PASS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{passed} of {total} checks passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case round trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>using {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundled backend started at {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol {v}, node {node}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logged in as {user} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {no} created, its event came back in {ms:.0f} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{db}, schema revision {rev}, {n} cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the zh_CN catalogue is missing or unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the zh_CN catalogue does not translate the main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zh_CN catalogue loads (&apos;Intake&apos; → &apos;{s}&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no font can show Chinese; install fonts-wqy-microhei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} fonts show Chinese, e.g. {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
