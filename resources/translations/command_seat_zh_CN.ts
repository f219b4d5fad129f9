<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseStatus</name>
    <message>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>Awaiting callback</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>坐席</translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <source>{n} cases</source>
        <translation>共 {n} 件</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>The seat console hit an unexpected error. Your work is kept where possible.</source>
        <translation>坐席控制台发生意外错误。已尽可能保留您的工作。</translation>
    </message>
    <message>
        <source>A report was saved to {path}. Please give it to your administrator.</source>
        <translation>错误报告已保存到 {path}，请交给系统管理员。</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <source>Calls and channel reports will queue here.</source>
        <translation>来电和各渠道上报将在此排队。</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Recent cases</source>
        <translation>最近工单</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to the seat console</source>
        <translation>登录坐席控制台</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Demo backend: try operator1 with the password demo.</source>
        <translation>演示后台：可用账号 operator1，密码 demo。</translation>
    </message>
    <message>
        <source>Enter the user name, the password and the seat.</source>
        <translation>请输入用户名、密码和坐席号。</translation>
    </message>
    <message>
        <source>Unknown user or wrong password.</source>
        <translation>用户不存在或密码错误。</translation>
    </message>
    <message>
        <source>The backend refused the login: {message}</source>
        <translation>后台拒绝登录：{message}</translation>
    </message>
    <message>
        <source>The backend cannot be reached. Check the connection and try again.</source>
        <translation>无法连接后台，请检查网络后重试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Alerts and early warnings will be listed here.</source>
        <translation>告警和预警信息将在此列出。</translation>
    </message>
    <message>
        <source>Video wall</source>
        <translation>视频大屏</translation>
    </message>
    <message>
        <source>Wall layouts, cameras and dashboards.</source>
        <translation>大屏布局、监控画面和驾驶舱。</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>大屏</translation>
    </message>
    <message>
        <source>Communications</source>
        <translation>融合通信</translation>
    </message>
    <message>
        <source>Phone, radio, messages and conferences.</source>
        <translation>电话、对讲、消息和会议。</translation>
    </message>
    <message>
        <source>Comms</source>
        <translation>通信</translation>
    </message>
    <message>
        <source>&amp;Seat</source>
        <translation>坐席(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Command seat</source>
        <translation>指挥坐席</translation>
    </message>
    <message>
        <source>[EXERCISE] {title}</source>
        <translation>【演练】{title}</translation>
    </message>
    <message>
        <source>【演练】</source>
        <translation>【演练】</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Seat console of the regional governance command center.</source>
        <translation>区域治理现代化指挥中心坐席控制台。</translation>
    </message>
</context>
<context>
    <name>NewCaseForm</name>
    <message>
        <source>Street, number, landmark</source>
        <translation>街道、门牌号、标志物</translation>
    </message>
    <message>
        <source>What happened, where exactly, since when, who is affected</source>
        <translation>发生了什么、具体位置、持续多久、影响哪些人</translation>
    </message>
    <message>
        <source>Create case (Ctrl+Enter)</source>
        <translation>生成工单 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>网格(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Choose a category from the list.</source>
        <translation>请从列表中选择类别。</translation>
    </message>
    <message>
        <source>Enter the address.</source>
        <translation>请输入地址。</translation>
    </message>
    <message>
        <source>Enter a description.</source>
        <translation>请输入描述。</translation>
    </message>
    <message>
        <source>The description is longer than {n} characters.</source>
        <translation>描述超过 {n} 个字符。</translation>
    </message>
    <message>
        <source>The backend did not accept the case: {message}</source>
        <translation>后台未接受该工单：{message}</translation>
    </message>
    <message>
        <source>Not connected to the backend. The form is kept; submit again when connected.</source>
        <translation>未连接后台。表单已保留，连接恢复后请再次提交。</translation>
    </message>
    <message>
        <source>Case {no} created.</source>
        <translation>工单 {no} 已生成。</translation>
    </message>
</context>
<context>
    <name>SeatStatusBar</name>
    <message>
        <source>EXERCISE</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>操作员：{name}</translation>
    </message>
    <message>
        <source>Seat: {seat}</source>
        <translation>坐席：{seat}</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <source>command-seat self-check</source>
        <translation>command-seat 自检</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>{passed} of {total} checks passed.</source>
        <translation>共 {total} 项检查，通过 {passed} 项。</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后台</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Case round trip</source>
        <translation>工单往返</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>using {url}</source>
        <translation>使用 {url}</translation>
    </message>
    <message>
        <source>bundled backend started at {url}</source>
        <translation>内置后台已在 {url} 启动</translation>
    </message>
    <message>
        <source>protocol {v}, node {node}</source>
        <translation>协议 {v}，节点 {node}</translation>
    </message>
    <message>
        <source>logged in as {user} ({role})</source>
        <translation>已登录为 {user}（{role}）</translation>
    </message>
    <message>
        <source>case {no} created, its event came back in {ms:.0f} ms</source>
        <translation>工单 {no} 已生成，事件 {ms:.0f} 毫秒后返回</translation>
    </message>
    <message>
        <source>{db}, schema revision {rev}, {n} cases</source>
        <translation>{db}，结构版本 {rev}，共 {n} 件工单</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>the zh_CN catalogue is missing or unreadable</source>
        <translation>zh_CN 翻译文件缺失或无法读取</translation>
    </message>
    <message>
        <source>the zh_CN catalogue does not translate the main window</source>
        <translation>zh_CN 翻译文件未能翻译主窗口</translation>
    </message>
    <message>
        <source>zh_CN catalogue loads (&apos;Intake&apos; → &apos;{s}&apos;)</source>
        <translation>zh_CN 翻译文件已加载（“Intake” → “{s}”）</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>no font can show Chinese; install fonts-wqy-microhei</source>
        <translation>没有可显示中文的字体，请安装 fonts-wqy-microhei</translation>
    </message>
    <message>
        <source>{n} fonts show Chinese, e.g. {name}</source>
        <translation>{n} 种字体可显示中文，例如 {name}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Automatic login as {user} failed: {reason}</source>
        <translation>以 {user} 自动登录失败：{reason}</translation>
    </message>
    <message>
        <source>The backend at {url} cannot be reached; still trying.</source>
        <translation>无法连接 {url} 的后台，正在继续尝试。</translation>
    </message>
</context>
</TS>
