<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AckDialog</name>
    <message>
        <source>Acknowledge the alert</source>
        <translation>确认预警</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>选择确认理由…</translation>
    </message>
    <message>
        <source>What is being done about it</source>
        <translation>正在采取的措施</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>常用理由：</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>理由（必填）：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Seen; being handled</source>
        <translation>已知悉，正在处置</translation>
    </message>
    <message>
        <source>The units concerned were notified</source>
        <translation>已通知相关单位</translation>
    </message>
    <message>
        <source>Forces sent to the scene</source>
        <translation>已派出力量赶赴现场</translation>
    </message>
    <message>
        <source>Same as an alert already handled</source>
        <translation>与已处置的预警相同</translation>
    </message>
    <message>
        <source>Checked: false alarm</source>
        <translation>经核实为误报</translation>
    </message>
    <message>
        <source>A Severe or Extreme alert is acknowledged with a reason: choose or write one.</source>
        <translation>严重和极重预警须填写确认理由：请选择或填写。</translation>
    </message>
    <message>
        <source>The reason is too long ({n} characters, at most {max}).</source>
        <translation>理由过长（{n} 个字，最多 {max} 个）。</translation>
    </message>
</context>
<context>
    <name>AlertActions</name>
    <message>
        <source>Export the alert as CAP XML</source>
        <translation>将预警导出为 CAP XML</translation>
    </message>
    <message>
        <source>CAP XML (*.xml)</source>
        <translation>CAP XML 文件 (*.xml)</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>Create case</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Link to case…</source>
        <translation>关联工单…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>另有 {n} 条</translation>
    </message>
</context>
<context>
    <name>AlertCard</name>
    <message>
        <source>Alert {id}</source>
        <translation>预警 {id}</translation>
    </message>
    <message>
        <source>Waiting for the alert&apos;s details…</source>
        <translation>正在等待预警详情…</translation>
    </message>
    <message>
        <source>Area: {area}</source>
        <translation>区域：{area}</translation>
    </message>
    <message>
        <source>Received at {time}</source>
        <translation>接收时间：{time}</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>状态：{state}</translation>
    </message>
</context>
<context>
    <name>AlertDetail</name>
    <message>
        <source>(no description)</source>
        <translation>（无描述）</translation>
    </message>
    <message>
        <source>polygon of {n} points</source>
        <translation>{n} 点多边形</translation>
    </message>
    <message>
        <source>circle {radius} km around {lat:.5f}, {lon:.5f}</source>
        <translation>以 {lat:.5f}, {lon:.5f} 为中心半径 {radius} 公里的圆</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发布者</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message type</source>
        <translation>消息类型</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Certainty</source>
        <translation>确定程度</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应措施</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>防御指引</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>无失效时间</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Unit code</source>
        <translation>区划编码</translation>
    </message>
    <message>
        <source>References</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>{who} at seat {seat}, {when}</source>
        <translation>{who}，席位 {seat}，{when}</translation>
    </message>
    <message>
        <source>not acknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>escalated to the supervisors at {when}</source>
        <translation>已于 {when} 升级至值班长</translation>
    </message>
    <message>
        <source>not escalated</source>
        <translation>未升级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>处理状态</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>确认理由</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>AlertDetailPane</name>
    <message>
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>Create case</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Link to case…</source>
        <translation>关联工单…</translation>
    </message>
    <message>
        <source>Export CAP XML…</source>
        <translation>导出 CAP XML…</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处置情况</translation>
    </message>
    <message>
        <source>CAP message</source>
        <translation>CAP 消息</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>预警依据</translation>
    </message>
    <message>
        <source>Select an alert to see it in full.</source>
        <translation>选择一条预警查看详情。</translation>
    </message>
</context>
<context>
    <name>AlertFilterBar</name>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Severe and above</source>
        <translation>严重及以上</translation>
    </message>
    <message>
        <source>Moderate and above</source>
        <translation>中等及以上</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Search event, headline, area, sender, case no.</source>
        <translation>搜索事件、标题、区域、发布者、工单号</translation>
    </message>
    <message>
        <source>{shown} of {total} alerts</source>
        <translation>显示 {shown} / 共 {total} 条预警</translation>
    </message>
</context>
<context>
    <name>AlertLabels</name>
    <message>
        <source>Extreme</source>
        <translation>极重</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Unknown severity</source>
        <translation>级别未知</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>CAP message</source>
        <translation>CAP 预警</translation>
    </message>
    <message>
        <source>Warning model</source>
        <translation>预警模型</translation>
    </message>
    <message>
        <source>Raised by hand</source>
        <translation>人工发布</translation>
    </message>
    <message>
        <source>Overdue cases</source>
        <translation>工单超期</translation>
    </message>
    <message>
        <source>Surge of reports</source>
        <translation>诉求激增</translation>
    </message>
    <message>
        <source>Repeated calls</source>
        <translation>重复来电</translation>
    </message>
    <message>
        <source>Suspected group rental</source>
        <translation>疑似群租房</translation>
    </message>
    <message>
        <source>Hazmat vehicle off route</source>
        <translation>危化品车辆偏离路线</translation>
    </message>
    <message>
        <source>Hazmat storage level</source>
        <translation>危化品储量异常</translation>
    </message>
    <message>
        <source>Immediate</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>将来</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>已过去</translation>
    </message>
    <message>
        <source>Unknown urgency</source>
        <translation>紧急程度未知</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>已观测</translation>
    </message>
    <message>
        <source>Likely</source>
        <translation>很可能</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>可能</translation>
    </message>
    <message>
        <source>Unlikely</source>
        <translation>不太可能</translation>
    </message>
    <message>
        <source>Unknown certainty</source>
        <translation>确定程度未知</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>【演练】</source>
        <translation>【演练】</translation>
    </message>
    <message>
        <source>{severity} alert: {headline}, {area}</source>
        <translation>{severity} 预警：{headline}，{area}</translation>
    </message>
    <message>
        <source>{severity} alert: {headline}</source>
        <translation>{severity} 预警：{headline}</translation>
    </message>
    <message>
        <source>Escalated: {text}</source>
        <translation>已升级，{text}</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
</context>
<context>
    <name>AlertRowsModel</name>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>AlertTableModel</name>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升级</translation>
    </message>
</context>
<context>
    <name>AlertsService</name>
    <message>
        <source>The alert was not acknowledged</source>
        <translation>预警未能确认</translation>
    </message>
    <message>
        <source>No case was made from the alert</source>
        <translation>未能由预警立案</translation>
    </message>
    <message>
        <source>Case {case_no} was made from the alert.</source>
        <translation>已由预警立案，工单号 {case_no}。</translation>
    </message>
    <message>
        <source>The alert was not linked</source>
        <translation>预警未能关联工单</translation>
    </message>
    <message>
        <source>The alert was linked to case {case_no}.</source>
        <translation>预警已关联工单 {case_no}。</translation>
    </message>
    <message>
        <source>The alert was not exported</source>
        <translation>预警未能导出</translation>
    </message>
    <message>
        <source>The CAP file could not be written: {reason}</source>
        <translation>无法写入 CAP 文件：{reason}</translation>
    </message>
    <message>
        <source>The alert was saved as CAP XML in {path}.</source>
        <translation>预警已导出为 CAP XML：{path}。</translation>
    </message>
</context>
<context>
    <name>AnswerPanel</name>
    <message>
        <source>Answers for this consultation</source>
        <translation>本咨询的参考答复</translation>
    </message>
    <message>
        <source>The answer given to the caller</source>
        <translation>答复来电人的内容</translation>
    </message>
    <message>
        <source>Answered: close at intake (Ctrl+Shift+Enter)</source>
        <translation>已答复：直接办结 (Ctrl+Shift+Enter)</translation>
    </message>
</context>
<context>
    <name>AttachmentRow</name>
    <message>
        <source>Attach… (Ctrl+Shift+A)</source>
        <translation>添加附件… (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Remove last</source>
        <translation>移除最后一个</translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation>无附件</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Photos, documents, recordings ({patterns})</source>
        <translation>照片、文档、录音 ({patterns})</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>The file is larger than {n} KiB.</source>
        <translation>文件超过 {n} KiB。</translation>
    </message>
    <message>
        <source>The file was not accepted: {message}</source>
        <translation>文件未被接受：{message}</translation>
    </message>
    <message>
        <source>Not connected to the backend; attach the file again when connected.</source>
        <translation>未连接后台，请在连接恢复后重新添加附件。</translation>
    </message>
</context>
<context>
    <name>CallActions</name>
    <message>
        <source>Transfer the call</source>
        <translation>转接通话</translation>
    </message>
    <message>
        <source>Add a party to the conference</source>
        <translation>向会议中加入一方</translation>
    </message>
    <message>
        <source>Transfer here: {name}</source>
        <translation>转接给：{name}</translation>
    </message>
    <message>
        <source>Attended transfer: talk to {name} first</source>
        <translation>咨询转接：先与{name}通话</translation>
    </message>
    <message>
        <source>Add {name} to the conference</source>
        <translation>将{name}加入会议</translation>
    </message>
</context>
<context>
    <name>CallCard</name>
    <message>
        <source>conference</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>microphone muted</source>
        <translation>麦克风已静音</translation>
    </message>
    <message>
        <source>consulting for call {id}</source>
        <translation>为通话 {id} 咨询中</translation>
    </message>
    <message>
        <source>Case {id}</source>
        <translation>案件 {id}</translation>
    </message>
    <message>
        <source>No case</source>
        <translation>未关联案件</translation>
    </message>
</context>
<context>
    <name>CallControls</name>
    <message>
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>转接…</translation>
    </message>
    <message>
        <source>Complete transfer</source>
        <translation>完成转接</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <source>Add party…</source>
        <translation>加入一方…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Mute party</source>
        <translation>该方静音</translation>
    </message>
    <message>
        <source>Drop party</source>
        <translation>移出该方</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Tie to the case</source>
        <translation>关联到案件</translation>
    </message>
    <message>
        <source>Tie this call to the case in context (it goes on the case&apos;s record)</source>
        <translation>将此通话关联到当前案件（记入案件记录）</translation>
    </message>
    <message>
        <source>Blind or attended transfer to a directory entry or a number</source>
        <translation>直接转接或咨询转接到通讯录联系人或号码</translation>
    </message>
    <message>
        <source>A locked conference takes no more parties</source>
        <translation>锁定的会议不再接纳新的参与方</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒接</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Unmute party</source>
        <translation>取消该方静音</translation>
    </message>
</context>
<context>
    <name>CallLogModel</name>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>坐席员</translation>
    </message>
    <message>
        <source>With</source>
        <translation>通话对象</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录音</translation>
    </message>
</context>
<context>
    <name>CallLogView</name>
    <message>
        <source>Call log</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <source>Only the case in context</source>
        <translation>仅当前案件</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <source>Answer (F2)</source>
        <translation>接听 (F2)</translation>
    </message>
    <message>
        <source>Hold (F3)</source>
        <translation>保持 (F3)</translation>
    </message>
    <message>
        <source>Transfer (F4)</source>
        <translation>转接 (F4)</translation>
    </message>
    <message>
        <source>Hang up (F6)</source>
        <translation>挂断 (F6)</translation>
    </message>
    <message>
        <source>Ready (F7)</source>
        <translation>示闲 (F7)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Incoming call&lt;/b&gt; {number} · waiting {s} s</source>
        <translation>&lt;b&gt;来电&lt;/b&gt; {number} · 已等待 {s} 秒</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>保持中</translation>
    </message>
    <message>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wrap-up&lt;/b&gt; {t} — press F7 when ready</source>
        <translation>&lt;b&gt;话后处理&lt;/b&gt; {t} — 完成后按 F7 示闲</translation>
    </message>
    <message>
        <source>Resume (F3)</source>
        <translation>恢复 (F3)</translation>
    </message>
    <message>
        <source>Away (F7)</source>
        <translation>示忙 (F7)</translation>
    </message>
    <message>
        <source>Not signed in to the hotline</source>
        <translation>未签入热线</translation>
    </message>
    <message>
        <source>Ready for calls</source>
        <translation>空闲，可接来电</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>离席</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>just logged in: press F7 when ready</source>
        <translation>刚登录：准备好后按 F7 示闲</translation>
    </message>
    <message>
        <source>a call rang unanswered</source>
        <translation>有来电未接听</translation>
    </message>
    <message>
        <source>a call is ringing</source>
        <translation>来电振铃中</translation>
    </message>
    <message>
        <source>on a call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <source>The call control failed: {message}</source>
        <translation>话务操作失败：{message}</translation>
    </message>
    <message>
        <source>Not connected to the backend; the call control was not sent.</source>
        <translation>未连接后台，话务操作未发送。</translation>
    </message>
    <message>
        <source>Transfer the call</source>
        <translation>转接来电</translation>
    </message>
    <message>
        <source>Seat id, or a department&apos;s phone number:</source>
        <translation>坐席号，或部门电话号码：</translation>
    </message>
    <message>
        <source>break</source>
        <translation>小休</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>What the reporter said</source>
        <translation>反映人的意见</translation>
    </message>
    <message>
        <source>The reporter is:</source>
        <translation>反映人评价：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Say why the reporter is not satisfied; the case will be handled again.</source>
        <translation>请说明不满意的原因；工单将重新办理。</translation>
    </message>
</context>
<context>
    <name>CallerCard</name>
    <message>
        <source>Enter: use this case (the caller reports the same problem again)</source>
        <translation>回车：使用此工单（来电人再次反映同一问题）</translation>
    </message>
    <message>
        <source>Caller {phone}: {n} cases in the last 12 months, {open} still open</source>
        <translation>来电人 {phone}：近12个月 {n} 件，未办结 {open} 件</translation>
    </message>
    <message>
        <source>Caller {phone}: no earlier cases</source>
        <translation>来电人 {phone}：无历史工单</translation>
    </message>
    <message>
        <source>Caller says: “{text}”</source>
        <translation>来电人说：“{text}”</translation>
    </message>
</context>
<context>
    <name>CallsPane</name>
    <message>
        <source>Number, SIP address or extension (Ctrl+D)</source>
        <translation>号码、SIP 地址或分机（Ctrl+D）</translation>
    </message>
    <message>
        <source>Dial</source>
        <translation>拨号</translation>
    </message>
    <message>
        <source>No calls. Dial a number, or double-click someone in the directory.</source>
        <translation>暂无通话。请拨号，或在通讯录中双击联系人。</translation>
    </message>
    <message>
        <source>Case {number}</source>
        <translation>案件 {number}</translation>
    </message>
</context>
<context>
    <name>CameraStream</name>
    <message>
        <source>The stream could not be opened</source>
        <translation>无法打开视频流</translation>
    </message>
    <message>
        <source>The stream&apos;s format is not supported</source>
        <translation>不支持该视频流格式</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <source>Access to the stream was denied</source>
        <translation>无权访问该视频流</translation>
    </message>
    <message>
        <source>The stream failed</source>
        <translation>视频流出错</translation>
    </message>
    <message>
        <source>The stream ended</source>
        <translation>视频流已中断</translation>
    </message>
    <message>
        <source>The stream could not be played</source>
        <translation>无法播放该视频流</translation>
    </message>
    <message>
        <source>The simulated camera could not be made: {error}</source>
        <translation>无法生成模拟摄像机画面：{error}</translation>
    </message>
    <message>
        <source>No picture for {seconds} s</source>
        <translation>已 {seconds} 秒无画面</translation>
    </message>
</context>
<context>
    <name>CaseActionsBar</name>
    <message>
        <source>Register</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation>派遣…</translation>
    </message>
    <message>
        <source>Dispatch on…</source>
        <translation>下派…</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Report completion…</source>
        <translation>办结反馈…</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核查通过</translation>
    </message>
    <message>
        <source>Verification failed…</source>
        <translation>核查不通过…</translation>
    </message>
    <message>
        <source>Callback…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation>挂账…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复办理</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>The case&apos;s actions could not be loaded: {reason}</source>
        <translation>无法加载该工单可执行的操作：{reason}</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>处置结果：</translation>
    </message>
    <message>
        <source>Waiting to send: {summary}</source>
        <translation>等待发送：{summary}</translation>
    </message>
    <message>
        <source>Refused: {message}</source>
        <translation>被拒绝：{message}</translation>
    </message>
    <message>
        <source>Not connected to the backend; nothing was changed.</source>
        <translation>未连接后台，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>CaseChip</name>
    <message>
        <source>Clear the case: calls and messages are then tied to none</source>
        <translation>清除案件：之后的通话和消息不关联任何案件</translation>
    </message>
    <message>
        <source>Case number…</source>
        <translation>案件编号…</translation>
    </message>
    <message>
        <source>Type a case number (or its last digits, or #id) and press Enter to work on that case</source>
        <translation>输入案件编号（或末几位，或 #id）并按回车，切换到该案件</translation>
    </message>
    <message>
        <source>Case: none</source>
        <translation>案件：无</translation>
    </message>
    <message>
        <source>Calls, messages and video sessions are tied to no case</source>
        <translation>通话、消息和视频会话不关联任何案件</translation>
    </message>
    <message>
        <source>Case: {number}</source>
        <translation>案件：{number}</translation>
    </message>
    <message>
        <source>No case “{text}” on this seat&apos;s list.</source>
        <translation>本席位列表中没有案件“{text}”。</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>working hours</source>
        <translation>工作小时</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Same incident</source>
        <translation>同一事件</translation>
    </message>
    <message>
        <source>Parent case</source>
        <translation>父工单</translation>
    </message>
    <message>
        <source>Child case</source>
        <translation>子工单</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>Case</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Case {case_no}</source>
        <translation>工单 {case_no}</translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <source>This case is no longer open to this seat: {message}</source>
        <translation>此工单已不在本席位的办理范围内：{message}</translation>
    </message>
    <message>
        <source>The case could not be loaded: {message}</source>
        <translation>无法加载工单：{message}</translation>
    </message>
    <message>
        <source>Not connected to the backend; the case could not be loaded.</source>
        <translation>未连接后台；无法加载工单。</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>The attachment could not be fetched: {message}</source>
        <translation>无法获取附件：{message}</translation>
    </message>
    <message>
        <source>Not connected to the backend; the attachment was not saved.</source>
        <translation>未连接后台；附件未保存。</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
    <message>
        <source>Saved {name} to {path}.</source>
        <translation>已将 {name} 保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>Con&amp;fidential</source>
        <translation>保密(&amp;F)</translation>
    </message>
    <message>
        <source>Hide the reporter&apos;s name and number from other seats (GB/T 33358)</source>
        <translation>对其他坐席隐藏来电人姓名和号码（GB/T 33358）</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>特急</translation>
    </message>
    <message>
        <source>Street, number, landmark</source>
        <translation>街道、门牌号、标志物</translation>
    </message>
    <message>
        <source>Map… (Ctrl+Shift+P)</source>
        <translation>地图… (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Pick the place on the grid map</source>
        <translation>在网格地图上选取位置</translation>
    </message>
    <message>
        <source>16 digits, when the case concerns a city object</source>
        <translation>涉及城市部件时填写16位部件编码</translation>
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
        <source>Clear (Ctrl+L)</source>
        <translation>清空 (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Urgency</source>
        <translation>紧急程度(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Reporter</source>
        <translation>来电人(&amp;R)</translation>
    </message>
    <message>
        <source>Appeal &amp;type</source>
        <translation>诉求类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>网格(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Object code</source>
        <translation>部件编码(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <source>Attac&amp;hments</source>
        <translation>附件(&amp;H)</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>(resolved from the address)</source>
        <translation>（按地址自动定位）</translation>
    </message>
    <message>
        <source>The unsent case form from {time} was reopened.</source>
        <translation>已恢复 {time} 未提交的工单草稿。</translation>
    </message>
    <message>
        <source>Still needed: {what}</source>
        <translation>尚缺：{what}</translation>
    </message>
    <message>
        <source>New case {address}</source>
        <translation>新建工单 {address}</translation>
    </message>
    <message>
        <source>The backend did not accept the case: {message}</source>
        <translation>后台未接受该工单：{message}</translation>
    </message>
    <message>
        <source>Not logged in. The form is kept; submit again after logging in.</source>
        <translation>尚未登录。表单已保留，登录后请重新提交。</translation>
    </message>
    <message>
        <source>Waiting to send: {summary}</source>
        <translation>等待发送：{summary}</translation>
    </message>
    <message>
        <source>Case {no} created.</source>
        <translation>工单 {no} 已生成。</translation>
    </message>
</context>
<context>
    <name>CaseRowsModel</name>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
</context>
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
    <message>
        <source>Suspended</source>
        <translation>挂账</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>作废</translation>
    </message>
</context>
<context>
    <name>CaseSupervision</name>
    <message>
        <source>General supervision</source>
        <translation>一般督办</translation>
    </message>
    <message>
        <source>Key supervision</source>
        <translation>重点督办</translation>
    </message>
    <message>
        <source>Listed supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <source>Escalated supervision</source>
        <translation>提级督办</translation>
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
        <source>Lead department</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>Stage SLA</source>
        <translation>环节时限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Co-handling: {names}</source>
        <translation>协办：{names}</translation>
    </message>
    <message>
        <source>Stage: {stage}  Completion: {done}</source>
        <translation>环节：{stage}  办结：{done}</translation>
    </message>
</context>
<context>
    <name>CaseUrgency</name>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>特急</translation>
    </message>
</context>
<context>
    <name>ChangeBanner</name>
    <message>
        <source>Discard my edits</source>
        <translation>放弃我的编辑</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Your unpushed edits of monitor {monitors} were kept; that change touched them too: pushing yours replaces it.</source>
        <translation>已保留您对屏幕 {monitors} 未推送的编辑；该更改也涉及这些屏幕：推送您的编辑将覆盖它。</translation>
    </message>
    <message>
        <source>Your unpushed edits of monitor {monitors} were kept.</source>
        <translation>已保留您对屏幕 {monitors} 未推送的编辑。</translation>
    </message>
    <message>
        <source>Alarm-linked switching for the alert “{headline}” changed the wall at {time}.</source>
        <translation>预警“{headline}”的报警联动于 {time} 切换了大屏。</translation>
    </message>
    <message>
        <source>Alarm-linked switching for alert {id} changed the wall at {time}.</source>
        <translation>预警 {id} 的报警联动于 {time} 切换了大屏。</translation>
    </message>
    <message>
        <source>Alarm-linked switching for case {id} changed the wall at {time}.</source>
        <translation>工单 {id} 的报警联动于 {time} 切换了大屏。</translation>
    </message>
    <message>
        <source>The wall rule “{name}” changed the wall at {time}.</source>
        <translation>大屏规则“{name}”于 {time} 切换了大屏。</translation>
    </message>
    <message>
        <source>{user} applied the preset “{name}” at {time}.</source>
        <translation>{user} 于 {time} 应用了预案“{name}”。</translation>
    </message>
    <message>
        <source>The wall was changed by {user} at {time}.</source>
        <translation>{user} 于 {time} 更改了大屏。</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>Hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>巡查员</translation>
    </message>
    <message>
        <source>Grid member</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>App</source>
        <translation>市民App</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Enterprise desk</source>
        <translation>一企来</translation>
    </message>
    <message>
        <source>Sensor</source>
        <translation>物联感知</translation>
    </message>
</context>
<context>
    <name>CommsLabels</name>
    <message>
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>In a call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>下班</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Town/village center</source>
        <translation>镇村中心</translation>
    </message>
    <message>
        <source>Grid member</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Field unit</source>
        <translation>单兵</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation>拨号中</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>保持中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>正常结束</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Line busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>被拒接</translation>
    </message>
    <message>
        <source>Unknown number</source>
        <translation>空号</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法接通</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已转接</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>IM</source>
        <translation>即时消息</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>{delivered}/{total} delivered · {read} read · {failed} failed</source>
        <translation>送达 {delivered}/{total} · 已读 {read} · 失败 {failed}</translation>
    </message>
    <message>
        <source>PBX: unknown</source>
        <translation>交换机：状态未知</translation>
    </message>
    <message>
        <source>Simulated telephony</source>
        <translation>模拟电话</translation>
    </message>
    <message>
        <source>PBX: registered</source>
        <translation>交换机：已注册</translation>
    </message>
    <message>
        <source>PBX: registering…</source>
        <translation>交换机：注册中…</translation>
    </message>
    <message>
        <source>PBX unreachable — retrying in {s} s</source>
        <translation>交换机无法连接 — {s} 秒后重试</translation>
    </message>
    <message>
        <source>PBX: not registered</source>
        <translation>交换机：未注册</translation>
    </message>
    <message>
        <source>PBX unreachable</source>
        <translation>交换机无法连接</translation>
    </message>
</context>
<context>
    <name>CommsMessaging</name>
    <message>
        <source>The message was not sent</source>
        <translation>消息未发送</translation>
    </message>
    <message>
        <source>The message was not attached to the case</source>
        <translation>消息未关联到案件</translation>
    </message>
</context>
<context>
    <name>CommsScreen</name>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
</context>
<context>
    <name>CommsService</name>
    <message>
        <source>The call failed</source>
        <translation>呼叫失败</translation>
    </message>
    <message>
        <source>The call was not answered</source>
        <translation>未能接听来电</translation>
    </message>
    <message>
        <source>The call was not put on hold</source>
        <translation>未能保持通话</translation>
    </message>
    <message>
        <source>The call was not resumed</source>
        <translation>未能恢复通话</translation>
    </message>
    <message>
        <source>Muting failed</source>
        <translation>静音失败</translation>
    </message>
    <message>
        <source>Unmuting failed</source>
        <translation>取消静音失败</translation>
    </message>
    <message>
        <source>The call was not transferred</source>
        <translation>未能转接通话</translation>
    </message>
    <message>
        <source>The transfer was not completed</source>
        <translation>未能完成转接</translation>
    </message>
    <message>
        <source>The party was not added</source>
        <translation>未能加入会议方</translation>
    </message>
    <message>
        <source>The party was not dropped</source>
        <translation>未能移出会议方</translation>
    </message>
    <message>
        <source>The conference was not locked</source>
        <translation>未能锁定会议</translation>
    </message>
    <message>
        <source>The conference was not unlocked</source>
        <translation>未能解锁会议</translation>
    </message>
    <message>
        <source>The call was not hung up</source>
        <translation>未能挂断通话</translation>
    </message>
    <message>
        <source>The call was not tied to the case</source>
        <translation>未能将通话关联到案件</translation>
    </message>
    <message>
        <source>The call log was not loaded</source>
        <translation>未能加载通话记录</translation>
    </message>
</context>
<context>
    <name>ComposeBox</name>
    <message>
        <source>Nobody yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>Add selected</source>
        <translation>加入所选</translation>
    </message>
    <message>
        <source>Add the people selected in the directory</source>
        <translation>加入通讯录中选中的人员</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Message text (Ctrl+Enter sends)</source>
        <translation>消息内容（Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>People</source>
        <translation>指定人员</translation>
    </message>
    <message>
        <source>Talk group</source>
        <translation>通话组</translation>
    </message>
    <message>
        <source>All grid members of a grid</source>
        <translation>某网格全体网格员</translation>
    </message>
    <message>
        <source>All grid members of a town</source>
        <translation>某镇街全体网格员</translation>
    </message>
    <message>
        <source>To</source>
        <translation>发给</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>No template</source>
        <translation>不用模板</translation>
    </message>
    <message>
        <source>Write the message first.</source>
        <translation>请先填写消息内容。</translation>
    </message>
    <message>
        <source>Choose whom the message goes to.</source>
        <translation>请选择消息的接收对象。</translation>
    </message>
</context>
<context>
    <name>ConsultationDialog</name>
    <message>
        <source>Open a consultation</source>
        <translation>发起会商</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>议题：</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>参与单位：</translation>
    </message>
    <message>
        <source>Write the topic of the consultation.</source>
        <translation>请填写会商议题。</translation>
    </message>
    <message>
        <source>Choose at least two units.</source>
        <translation>请至少选择两个单位。</translation>
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
    <name>DashboardTile</name>
    <message>
        <source>{n} cases in the last 24 hours</source>
        <translation>近24小时共 {n} 件</translation>
    </message>
    <message>
        <source>{n} cases in the top {top}</source>
        <translation>前 {top} 名合计 {n} 件</translation>
    </message>
    <message>
        <source>No completed cases with a deadline yet</source>
        <translation>暂无有时限的办结工单</translation>
    </message>
    <message>
        <source>Overall {rate:.1f}% on time ({on_time} of {completed} completed)</source>
        <translation>总体按时办结率 {rate:.1f}%（办结 {completed} 件，按时 {on_time} 件）</translation>
    </message>
    <message>
        <source>Cases received per hour</source>
        <translation>每小时受理量</translation>
    </message>
    <message>
        <source>Top categories, last 24 hours</source>
        <translation>近24小时高发类别</translation>
    </message>
    <message>
        <source>Busiest grids, last 24 hours</source>
        <translation>近24小时高发网格</translation>
    </message>
    <message>
        <source>On-time completion by department</source>
        <translation>各部门按时办结率</translation>
    </message>
    <message>
        <source>On time (%)</source>
        <translation>按时办结率（%）</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>时</translation>
    </message>
</context>
<context>
    <name>DecideExtensionDialog</name>
    <message>
        <source>Decide extension</source>
        <translation>审批延期</translation>
    </message>
    <message>
        <source>{who} asks for {amount} {unit} more: {reason}</source>
        <translation>{who} 申请延期 {amount} {unit}：{reason}</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Required when refusing</source>
        <translation>驳回时必填</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>意见：</translation>
    </message>
    <message>
        <source>Approve or refuse the request.</source>
        <translation>请选择批准或驳回。</translation>
    </message>
    <message>
        <source>Say why the extension is refused.</source>
        <translation>请说明驳回理由。</translation>
    </message>
</context>
<context>
    <name>DeductionTableModel</name>
    <message>
        <source>Area</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Points lost</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>DepartmentKpiModel</name>
    <message>
        <source>Department</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>回退率</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重办率</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>DesignerActions</name>
    <message>
        <source>Layout {name} on the selected monitor</source>
        <translation>所选屏幕使用 {name} 布局</translation>
    </message>
    <message>
        <source>Split 2×2</source>
        <translation>拆分 2×2</translation>
    </message>
    <message>
        <source>Split the selected tile into 2×2</source>
        <translation>将所选窗格拆分为 2×2</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Merge the selected tiles (Ctrl+click selects several)</source>
        <translation>合并所选窗格（Ctrl+单击可多选）</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Pin or unpin: rules leave a pinned tile alone</source>
        <translation>锁定或解锁：规则不会改动锁定的窗格</translation>
    </message>
    <message>
        <source>Alarm tile</source>
        <translation>报警窗格</translation>
    </message>
    <message>
        <source>Designate for alarms: alarm-linked switching puts cameras here</source>
        <translation>设为报警窗格：报警联动时在此切入摄像机</translation>
    </message>
    <message>
        <source>Edit text…</source>
        <translation>编辑文字…</translation>
    </message>
    <message>
        <source>Edit the selected text tile</source>
        <translation>编辑所选文字窗格</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Empty the selected tiles</source>
        <translation>清空所选窗格</translation>
    </message>
    <message>
        <source>Put on tile</source>
        <translation>放到窗格</translation>
    </message>
    <message>
        <source>Put the source chosen in the browser on the selected tile</source>
        <translation>把信号源列表中选中的信号源放到所选窗格</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>另存为预案…</translation>
    </message>
    <message>
        <source>Push to the wall</source>
        <translation>推送上墙</translation>
    </message>
    <message>
        <source>Discard edits</source>
        <translation>放弃编辑</translation>
    </message>
    <message>
        <source>Show the wall as it is now, dropping the unpushed edits</source>
        <translation>显示大屏当前画面，放弃未推送的编辑</translation>
    </message>
</context>
<context>
    <name>DetailFields</name>
    <message>
        <source>Case no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
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
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Reporters</source>
        <translation>反映人数</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Co-handling units</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重办次数</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回次数</translation>
    </message>
    <message>
        <source>{reporter} (confidential)</source>
        <translation>{reporter}（保密）</translation>
    </message>
    <message>
        <source>{time} by {who} at seat {seat}</source>
        <translation>{time}，{who}，席位 {seat}</translation>
    </message>
</context>
<context>
    <name>DetailHeader</name>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>left</source>
        <translation>剩余</translation>
    </message>
</context>
<context>
    <name>DetailReports</name>
    <message>
        <source>Undo merge…</source>
        <translation>撤销合并…</translation>
    </message>
    <message>
        <source>Every report that made or joined the case</source>
        <translation>构成或并入本工单的全部来件</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Report {id} will leave this case and become a case of its own. Why?</source>
        <translation>来件 {id} 将脱离本工单并单独成案。原因？</translation>
    </message>
    <message>
        <source>Say why the report is detached; nothing was changed.</source>
        <translation>请说明拆分原因；未做任何更改。</translation>
    </message>
    <message>
        <source>The merge was not undone: {message}</source>
        <translation>未能撤销合并：{message}</translation>
    </message>
    <message>
        <source>Not connected to the backend; the merge was not undone.</source>
        <translation>未连接后台；未撤销合并。</translation>
    </message>
    <message>
        <source>The report is now case {case_no}.</source>
        <translation>该来件已成为工单 {case_no}。</translation>
    </message>
</context>
<context>
    <name>DetailSections</name>
    <message>
        <source>Case no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Linked by</source>
        <translation>关联人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Uploaded by</source>
        <translation>上传人</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>发起</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>已形成结论</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>By</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>来件</translation>
    </message>
    <message>
        <source>Linked cases</source>
        <translation>关联工单</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>会商</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>回访</translation>
    </message>
</context>
<context>
    <name>DirectoryPane</name>
    <message>
        <source>Name, initials (zw), phone, org, role or radio id</source>
        <translation>姓名、拼音首字母（zw）、电话、单位、职务或对讲号</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DirectorySearch</name>
    <message>
        <source>The directory search failed</source>
        <translation>通讯录查询失败</translation>
    </message>
</context>
<context>
    <name>DirectoryTableModel</name>
    <message>
        <source>Presence</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Org / role</source>
        <translation>单位 / 职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>对讲号</translation>
    </message>
    <message>
        <source>Talk groups: {groups}</source>
        <translation>通话组：{groups}</translation>
    </message>
    <message>
        <source>Device: {device}</source>
        <translation>设备：{device}</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Instructions for the unit (optional)</source>
        <translation>给承办单位的说明（可选）</translation>
    </message>
    <message>
        <source>Lead unit:</source>
        <translation>主办单位：</translation>
    </message>
    <message>
        <source>Co-handling units:</source>
        <translation>协办单位：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>No suggestion: {message}</source>
        <translation>无分拨建议：{message}</translation>
    </message>
    <message>
        <source>No suggestion: not connected to the backend.</source>
        <translation>无分拨建议：未连接后台。</translation>
    </message>
    <message>
        <source>Choose the lead unit from the list.</source>
        <translation>请从列表中选择主办单位。</translation>
    </message>
    <message>
        <source>The lead unit cannot also be a co-handling unit.</source>
        <translation>主办单位不能同时为协办单位。</translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <source>Layout {kind}</source>
        <translation>{kind} 布局</translation>
    </message>
    <message>
        <source>The tile was not split: {reason}</source>
        <translation>窗格未拆分：{reason}</translation>
    </message>
    <message>
        <source>Split a tile</source>
        <translation>拆分窗格</translation>
    </message>
    <message>
        <source>The tiles were not merged: {reason}</source>
        <translation>窗格未合并：{reason}</translation>
    </message>
    <message>
        <source>Merge tiles</source>
        <translation>合并窗格</translation>
    </message>
    <message>
        <source>Pin or unpin</source>
        <translation>锁定或解锁</translation>
    </message>
    <message>
        <source>Alarm tile</source>
        <translation>报警窗格</translation>
    </message>
    <message>
        <source>Clear tiles</source>
        <translation>清空窗格</translation>
    </message>
    <message>
        <source>Show {name}</source>
        <translation>显示{name}</translation>
    </message>
    <message>
        <source>Move a tile</source>
        <translation>移动窗格</translation>
    </message>
</context>
<context>
    <name>DrillBanner</name>
    <message>
        <source>演练进行中：{title}</source>
        <translation>演练进行中：{title}</translation>
    </message>
    <message>
        <source>{banner} (paused)</source>
        <translation>{banner}（已暂停）</translation>
    </message>
    <message>
        <source>Drill #{id}: everything on this seat is exercise data</source>
        <translation>演练 #{id}：本席位的所有数据均为演练数据</translation>
    </message>
</context>
<context>
    <name>DrillControls</name>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>结束(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Inject…</source>
        <translation>注入事件(&amp;I)…</translation>
    </message>
    <message>
        <source>Start the chosen scenario with the seats as assigned</source>
        <translation>按所分配的席位开始所选演练科目</translation>
    </message>
    <message>
        <source>End the drill now; the trainees are scored on what they did</source>
        <translation>立即结束演练；按学员已完成的处置评分</translation>
    </message>
    <message>
        <source>Add an event by hand: a call, a CAP alert, radio traffic, a report</source>
        <translation>手动注入一个事件：来电、CAP 预警、对讲、渠道上报</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>倍速</translation>
    </message>
</context>
<context>
    <name>DrillLabel</name>
    <message>
        <source>Call control</source>
        <translation>接听控制</translation>
    </message>
    <message>
        <source>Information taken</source>
        <translation>信息采集</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Duplicate handling</source>
        <translation>重复件处理</translation>
    </message>
    <message>
        <source>Alert handling</source>
        <translation>预警处置</translation>
    </message>
    <message>
        <source>Time to dispatch</source>
        <translation>派单时效</translation>
    </message>
    <message>
        <source>Call rings</source>
        <translation>来电呼入</translation>
    </message>
    <message>
        <source>Channel report</source>
        <translation>渠道上报</translation>
    </message>
    <message>
        <source>Sensor readings</source>
        <translation>感知数据</translation>
    </message>
    <message>
        <source>CAP alert</source>
        <translation>CAP 预警</translation>
    </message>
    <message>
        <source>Department response</source>
        <translation>部门响应</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>对讲</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Inject skipped</source>
        <translation>事件未触发</translation>
    </message>
    <message>
        <source>Call answered</source>
        <translation>接听来电</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>通话结束</translation>
    </message>
    <message>
        <source>Caller hung up</source>
        <translation>来电放弃</translation>
    </message>
    <message>
        <source>Case created</source>
        <translation>登记工单</translation>
    </message>
    <message>
        <source>Case dispatched</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Duplicate merged</source>
        <translation>合并重复件</translation>
    </message>
    <message>
        <source>Alert acknowledged</source>
        <translation>确认预警</translation>
    </message>
    <message>
        <source>Alert linked to a case</source>
        <translation>预警关联工单</translation>
    </message>
    <message>
        <source>Report taken</source>
        <translation>受理渠道上报</translation>
    </message>
    <message>
        <source>Drill started</source>
        <translation>演练开始</translation>
    </message>
    <message>
        <source>Drill paused</source>
        <translation>演练暂停</translation>
    </message>
    <message>
        <source>Drill resumed</source>
        <translation>演练继续</translation>
    </message>
    <message>
        <source>Speed changed</source>
        <translation>调整倍速</translation>
    </message>
    <message>
        <source>Drill ended</source>
        <translation>演练结束</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Public safety</source>
        <translation>公共安全</translation>
    </message>
    <message>
        <source>City management</source>
        <translation>城市管理</translation>
    </message>
    <message>
        <source>Epidemic control</source>
        <translation>疫情防控</translation>
    </message>
    <message>
        <source>Yangtze river protection</source>
        <translation>长江大保护</translation>
    </message>
    <message>
        <source>Hazardous chemicals</source>
        <translation>危化品</translation>
    </message>
    <message>
        <source>Group rentals</source>
        <translation>群租房</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>来电</translation>
    </message>
</context>
<context>
    <name>DrillLiveView</name>
    <message>
        <source>No drill is running.</source>
        <translation>当前没有进行中的演练。</translation>
    </message>
    <message>
        <source>Injects fired: %v / %m</source>
        <translation>已触发事件：%v / %m</translation>
    </message>
    <message>
        <source>Drill #{id}: {title} — {state} {speed}</source>
        <translation>演练 #{id}：{title} — {state} {speed}</translation>
    </message>
    <message>
        <source>Last inject: {id} ({kind}) at {t}</source>
        <translation>最近事件：{id}（{kind}），{t}</translation>
    </message>
</context>
<context>
    <name>DrillLogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>席位</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>导调</translation>
    </message>
</context>
<context>
    <name>DrillProgressModel</name>
    <message>
        <source>Seat</source>
        <translation>席位</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Calls answered</source>
        <translation>接听来电</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>登记工单</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <source>Alerts acknowledged</source>
        <translation>确认预警</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>最近操作</translation>
    </message>
    <message>
        <source>Live score</source>
        <translation>实时得分</translation>
    </message>
</context>
<context>
    <name>DrillReplayView</name>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>倍速</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
</context>
<context>
    <name>DrillReport</name>
    <message>
        <source>演练复盘报告</source>
        <translation>演练复盘报告</translation>
    </message>
    <message>
        <source>演练科目</source>
        <translation>演练科目</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>演练日期</source>
        <translation>演练日期</translation>
    </message>
    <message>
        <source>导调员</source>
        <translation>导调员</translation>
    </message>
    <message>
        <source>演练编号</source>
        <translation>演练编号</translation>
    </message>
    <message>
        <source>时长（想定/实际）</source>
        <translation>时长（想定/实际）</translation>
    </message>
    <message>
        <source>倍速</source>
        <translation>倍速</translation>
    </message>
    <message>
        <source>已触发事件</source>
        <translation>已触发事件</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>各席位处置时间线</source>
        <translation>各席位处置时间线</translation>
    </message>
    <message>
        <source>学员成绩</source>
        <translation>学员成绩</translation>
    </message>
    <message>
        <source>学员</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>席位</source>
        <translation>席位</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>评分项</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>扣分明细</source>
        <translation>扣分明细</translation>
    </message>
    <message>
        <source>扣分</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>无扣分。</source>
        <translation>无扣分。</translation>
    </message>
    <message>
        <source>本次演练没有学员成绩。</source>
        <translation>本次演练没有学员成绩。</translation>
    </message>
    <message>
        <source>事件时间线</source>
        <translation>事件时间线</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>导调</source>
        <translation>导调</translation>
    </message>
    <message>
        <source>生成于 {at}</source>
        <translation>生成于 {at}</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>已暂停</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>区</source>
        <translation>区</translation>
    </message>
    <message>
        <source>镇</source>
        <translation>镇</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>公共安全</source>
        <translation>公共安全</translation>
    </message>
    <message>
        <source>城市管理</source>
        <translation>城市管理</translation>
    </message>
    <message>
        <source>疫情防控</source>
        <translation>疫情防控</translation>
    </message>
    <message>
        <source>长江大保护</source>
        <translation>长江大保护</translation>
    </message>
    <message>
        <source>危化品</source>
        <translation>危化品</translation>
    </message>
    <message>
        <source>群租房</source>
        <translation>群租房</translation>
    </message>
    <message>
        <source>导调事件</source>
        <translation>导调事件</translation>
    </message>
    <message>
        <source>注入</source>
        <translation>注入</translation>
    </message>
    <message>
        <source>来电</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>派单</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>预警</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>接听控制</source>
        <translation>接听控制</translation>
    </message>
    <message>
        <source>信息采集</source>
        <translation>信息采集</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>定位</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>重复件处理</source>
        <translation>重复件处理</translation>
    </message>
    <message>
        <source>预警处置</source>
        <translation>预警处置</translation>
    </message>
    <message>
        <source>派单时效</source>
        <translation>派单时效</translation>
    </message>
    <message>
        <source>来电呼入</source>
        <translation>来电呼入</translation>
    </message>
    <message>
        <source>渠道上报</source>
        <translation>渠道上报</translation>
    </message>
    <message>
        <source>感知数据</source>
        <translation>感知数据</translation>
    </message>
    <message>
        <source>CAP 预警</source>
        <translation>CAP 预警</translation>
    </message>
    <message>
        <source>部门响应</source>
        <translation>部门响应</translation>
    </message>
    <message>
        <source>对讲</source>
        <translation>对讲</translation>
    </message>
    <message>
        <source>消息</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>事件未触发</source>
        <translation>事件未触发</translation>
    </message>
    <message>
        <source>接听来电</source>
        <translation>接听来电</translation>
    </message>
    <message>
        <source>通话结束</source>
        <translation>通话结束</translation>
    </message>
    <message>
        <source>来电放弃</source>
        <translation>来电放弃</translation>
    </message>
    <message>
        <source>登记工单</source>
        <translation>登记工单</translation>
    </message>
    <message>
        <source>合并重复件</source>
        <translation>合并重复件</translation>
    </message>
    <message>
        <source>工单流转</source>
        <translation>工单流转</translation>
    </message>
    <message>
        <source>确认预警</source>
        <translation>确认预警</translation>
    </message>
    <message>
        <source>预警关联工单</source>
        <translation>预警关联工单</translation>
    </message>
    <message>
        <source>受理渠道上报</source>
        <translation>受理渠道上报</translation>
    </message>
    <message>
        <source>演练开始</source>
        <translation>演练开始</translation>
    </message>
    <message>
        <source>演练暂停</source>
        <translation>演练暂停</translation>
    </message>
    <message>
        <source>演练继续</source>
        <translation>演练继续</translation>
    </message>
    <message>
        <source>调整倍速</source>
        <translation>调整倍速</translation>
    </message>
    <message>
        <source>演练结束</source>
        <translation>演练结束</translation>
    </message>
</context>
<context>
    <name>DrillReviewPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport report…</source>
        <translation>导出报告(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the after-action report as HTML and PDF</source>
        <translation>将复盘报告保存为 HTML 和 PDF</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Injects</source>
        <translation>导调事件</translation>
    </message>
    <message>
        <source>Export the after-action report</source>
        <translation>导出复盘报告</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <source>Load a drill before exporting its report.</source>
        <translation>请先载入一次演练再导出报告。</translation>
    </message>
    <message>
        <source>The report was not saved: {reason}</source>
        <translation>报告未保存：{reason}</translation>
    </message>
    <message>
        <source>Report saved: {html} and {pdf}</source>
        <translation>报告已保存：{html} 和 {pdf}</translation>
    </message>
</context>
<context>
    <name>DrillRunPage</name>
    <message>
        <source>Scenarios</source>
        <translation>演练科目</translation>
    </message>
    <message>
        <source>Seats and trainees</source>
        <translation>席位与学员</translation>
    </message>
    <message>
        <source>Choose a scenario to start.</source>
        <translation>请选择要开始的演练科目。</translation>
    </message>
    <message>
        <source>The inject was fired.</source>
        <translation>事件已注入。</translation>
    </message>
</context>
<context>
    <name>DrillScoreView</name>
    <message>
        <source>No scores yet.</source>
        <translation>暂无成绩。</translation>
    </message>
    <message>
        <source>{name} at {seat}: {total} of {max} points, {n} deductions</source>
        <translation>{name}（{seat}）：{total} / {max} 分，扣分 {n} 项</translation>
    </message>
</context>
<context>
    <name>DrillScreen</name>
    <message>
        <source>Run</source>
        <translation>组织演练</translation>
    </message>
    <message>
        <source>After-action review</source>
        <translation>复盘评估</translation>
    </message>
</context>
<context>
    <name>DrillSeat</name>
    <message>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
</context>
<context>
    <name>DrillService</name>
    <message>
        <source>The drill was not started</source>
        <translation>演练未开始</translation>
    </message>
    <message>
        <source>The drill was not paused</source>
        <translation>演练未暂停</translation>
    </message>
    <message>
        <source>The drill was not resumed</source>
        <translation>演练未继续</translation>
    </message>
    <message>
        <source>The drill was not stopped</source>
        <translation>演练未结束</translation>
    </message>
    <message>
        <source>The drill&apos;s speed was not changed</source>
        <translation>演练倍速未调整</translation>
    </message>
    <message>
        <source>No drill is running: an inject needs a running drill.</source>
        <translation>没有进行中的演练：注入事件需要一次进行中的演练。</translation>
    </message>
    <message>
        <source>The inject was not fired</source>
        <translation>事件未注入</translation>
    </message>
    <message>
        <source>The drills were not listed</source>
        <translation>未能列出演练</translation>
    </message>
    <message>
        <source>The drill&apos;s log was not loaded</source>
        <translation>未能载入演练日志</translation>
    </message>
    <message>
        <source>The drill&apos;s scores were not loaded</source>
        <translation>未能载入演练成绩</translation>
    </message>
    <message>
        <source>{failed}: no drill is running.</source>
        <translation>{failed}：没有进行中的演练。</translation>
    </message>
</context>
<context>
    <name>DrillTimelineChart</name>
    <message>
        <source>Inject</source>
        <translation>注入</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>Case created</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Duplicate merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <source>Merge into this case (Ctrl+M)</source>
        <translation>并入此工单 (Ctrl+M)</translation>
    </message>
    <message>
        <source>Not the same (Ctrl+Shift+M)</source>
        <translation>不是同一问题 (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>same object code</source>
        <translation>部件编码相同</translation>
    </message>
    <message>
        <source>same category nearby</source>
        <translation>附近同类问题</translation>
    </message>
    <message>
        <source>similar description</source>
        <translation>描述相似</translation>
    </message>
    <message>
        <source>same caller, same place</source>
        <translation>同一来电人、同一地点</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{n} possible duplicates — is it the same problem?</source>
        <translation>发现 {n} 件疑似重复工单 — 是否同一问题？</translation>
    </message>
    <message>
        <source>{m} m away</source>
        <translation>相距 {m} 米</translation>
    </message>
    <message>
        <source>{age} ago ({when})</source>
        <translation>{age} 前（{when}）</translation>
    </message>
    <message>
        <source>{n} reporters</source>
        <translation>{n} 人反映</translation>
    </message>
    <message>
        <source>{n} attachments</source>
        <translation>{n} 个附件</translation>
    </message>
</context>
<context>
    <name>EmptyTile</name>
    <message>
        <source>No source</source>
        <translation>无信号源</translation>
    </message>
</context>
<context>
    <name>EvidenceTableModel</name>
    <message>
        <source>What</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>实测值</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <source>Request extension</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>Why the case cannot be completed in time</source>
        <translation>无法按时办结的原因</translation>
    </message>
    <message>
        <source>More time:</source>
        <translation>延长时间：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Say how much more time is needed.</source>
        <translation>请填写需要延长的时间。</translation>
    </message>
    <message>
        <source>Say why more time is needed.</source>
        <translation>请说明延期理由。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>全部时限状态</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>无时限</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将超期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Any supervision</source>
        <translation>全部督办</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>已督办</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Cases I took, and cases my unit leads</source>
        <translation>我受理的工单及本单位主办的工单</translation>
    </message>
    <message>
        <source>Search case no., address, description, phone</source>
        <translation>搜索工单号、地址、描述、电话</translation>
    </message>
    <message>
        <source>{shown} of {total} cases</source>
        <translation>显示 {shown} 件，共 {total} 件</translation>
    </message>
</context>
<context>
    <name>FormRules</name>
    <message>
        <source>The phone number may hold only digits, - and a leading +.</source>
        <translation>电话号码只能包含数字、“-”和开头的“+”。</translation>
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
        <source>The address is longer than {n} characters.</source>
        <translation>地址超过 {n} 个字符。</translation>
    </message>
    <message>
        <source>An object code has 16 digits.</source>
        <translation>部件编码应为16位数字。</translation>
    </message>
    <message>
        <source>Enter a description.</source>
        <translation>请输入描述。</translation>
    </message>
    <message>
        <source>The description is longer than {n} characters.</source>
        <translation>描述超过 {n} 个字符。</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Esc or F1 closes this sheet.</source>
        <translation>按 Esc 或 F1 关闭。</translation>
    </message>
    <message>
        <source>Show or hide this help</source>
        <translation>显示或隐藏本帮助</translation>
    </message>
    <message>
        <source>Answer the ringing call</source>
        <translation>接听来电</translation>
    </message>
    <message>
        <source>Hold or resume the call</source>
        <translation>保持或恢复通话</translation>
    </message>
    <message>
        <source>Transfer the call to a seat or a number</source>
        <translation>将来电转接到坐席或号码</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <source>Ready for calls / away</source>
        <translation>示闲 / 示忙</translation>
    </message>
    <message>
        <source>Jump to a field of the case form</source>
        <translation>跳到工单的某一栏</translation>
    </message>
    <message>
        <source>Next / previous field, in a fixed order</source>
        <translation>按固定顺序跳到下一栏 / 上一栏</translation>
    </message>
    <message>
        <source>Create the case (when the form is complete)</source>
        <translation>生成工单（表单填写完整时）</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <source>Go to Intake, Cases, Alerts, Wall, Comms</source>
        <translation>切换到受理、工单、预警、大屏、通信</translation>
    </message>
    <message>
        <source>Comms: the dial field</source>
        <translation>通讯：拨号框</translation>
    </message>
    <message>
        <source>Comms: the directory search</source>
        <translation>通讯：通讯录搜索</translation>
    </message>
    <message>
        <source>Comms: answer the ringing call / hold or resume / hang up the current call</source>
        <translation>通讯：接听来电 / 保持或恢复 / 挂断当前通话</translation>
    </message>
    <message>
        <source>Push to talk on the selected talk group (hold; a foot pedal can send this key)</source>
        <translation>在所选通话组按住讲话（按住；脚踏开关可发送此键）</translation>
    </message>
    <message>
        <source>Radio: Space</source>
        <translation>对讲：空格</translation>
    </message>
    <message>
        <source>Push to talk while the radio panel has the focus (hold)</source>
        <translation>对讲面板获得焦点时按住讲话（按住）</translation>
    </message>
    <message>
        <source>Acknowledge the alert on the banner (asks the reason)</source>
        <translation>确认横幅上的预警（需填写理由）</translation>
    </message>
    <message>
        <source>Wall: arrows / Shift+arrows</source>
        <translation>大屏：方向键 / Shift+方向键</translation>
    </message>
    <message>
        <source>Select the next tile / move the tile&apos;s content there</source>
        <translation>选择相邻窗格 / 把窗格内容移过去</translation>
    </message>
    <message>
        <source>Wall: PgUp / PgDn</source>
        <translation>大屏：PgUp / PgDn</translation>
    </message>
    <message>
        <source>Previous / next monitor</source>
        <translation>上一块 / 下一块屏幕</translation>
    </message>
    <message>
        <source>Wall: 1 2 3 4 5 7</source>
        <translation>大屏：1 2 3 4 5 7</translation>
    </message>
    <message>
        <source>Layout 1, 2×2, 3×3, 4×4, 1+5, 1+7 on the selected monitor</source>
        <translation>所选屏幕使用 1、2×2、3×3、4×4、1+5、1+7 布局</translation>
    </message>
    <message>
        <source>Wall: S, M, Ctrl+click</source>
        <translation>大屏：S、M、Ctrl+单击</translation>
    </message>
    <message>
        <source>Split the tile 2×2; merge the tiles selected with Ctrl+click</source>
        <translation>将窗格拆分为 2×2；合并用 Ctrl+单击选中的窗格</translation>
    </message>
    <message>
        <source>Wall: P, A, Del, T</source>
        <translation>大屏：P、A、Del、T</translation>
    </message>
    <message>
        <source>Pin; designate for alarms; empty the tile; edit its text</source>
        <translation>锁定；设为报警窗格；清空窗格；编辑文字</translation>
    </message>
    <message>
        <source>Wall: Enter</source>
        <translation>大屏：回车</translation>
    </message>
    <message>
        <source>Put the source chosen in the browser on the tile</source>
        <translation>把信号源列表中选中的信号源放到窗格</translation>
    </message>
    <message>
        <source>Wall: undo / redo an edit of the draft</source>
        <translation>大屏：撤销 / 重做草稿的编辑</translation>
    </message>
    <message>
        <source>Wall: save as preset / push the draft to the wall</source>
        <translation>大屏：另存为预案 / 把草稿推送上墙</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>InboxTableModel</name>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>taken by {who}</source>
        <translation>{who} 已领取</translation>
    </message>
    <message>
        <source>new</source>
        <translation>待领取</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <source>Take into form (Enter)</source>
        <translation>领取并填单 (回车)</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>不予受理…</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>暂无待办</translation>
    </message>
    <message>
        <source>This report cannot be taken: {message}</source>
        <translation>无法领取该上报：{message}</translation>
    </message>
    <message>
        <source>Not connected to the backend; the report was not taken.</source>
        <translation>未连接后台，未能领取该上报。</translation>
    </message>
    <message>
        <source>Dismiss the report</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Why is it dismissed?</source>
        <translation>不予受理的原因：</translation>
    </message>
    <message>
        <source>The report was not dismissed: {reason}</source>
        <translation>未能标记为不予受理：{reason}</translation>
    </message>
</context>
<context>
    <name>InjectDialog</name>
    <message>
        <source>Inject an event</source>
        <translation>注入事件</translation>
    </message>
    <message>
        <source>Caller&apos;s number</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <source>Caller&apos;s name</source>
        <translation>来电人姓名</translation>
    </message>
    <message>
        <source>What the caller says (a line each)</source>
        <translation>来电人所说的话（每行一句）</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Where, in the caller&apos;s words</source>
        <translation>来电人描述的位置</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Certainty</source>
        <translation>确定性</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>处置建议</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Talk group</source>
        <translation>通话组</translation>
    </message>
    <message>
        <source>What the unit says</source>
        <translation>通话内容</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>紧急呼叫</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>上报内容</translation>
    </message>
    <message>
        <source>Reporter&apos;s name</source>
        <translation>上报人姓名</translation>
    </message>
    <message>
        <source>Reporter&apos;s phone</source>
        <translation>上报人电话</translation>
    </message>
    <message>
        <source>Fire now</source>
        <translation>立即注入</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>IntakeAssistant</name>
    <message>
        <source>exact address</source>
        <translation>精确地址</translation>
    </message>
    <message>
        <source>house number interpolated</source>
        <translation>按门牌推算</translation>
    </message>
    <message>
        <source>near a landmark</source>
        <translation>标志物附近</translation>
    </message>
    <message>
        <source>from the map point</source>
        <translation>按地图点位</translation>
    </message>
    <message>
        <source>{area} ({precision})</source>
        <translation>{area}（{precision}）</translation>
    </message>
    <message>
        <source>The address is not in the gazetteer: choose the grid by hand.</source>
        <translation>地址不在地名库中，请手动选择网格。</translation>
    </message>
    <message>
        <source>The point could not be placed: {reason}</source>
        <translation>无法定位该点：{reason}</translation>
    </message>
    <message>
        <source>Due by {due}</source>
        <translation>办理时限：{due} 前</translation>
    </message>
    <message>
        <source>Enter what the caller reports before merging it into a case.</source>
        <translation>请先填写来电人反映的内容，再并入工单。</translation>
    </message>
    <message>
        <source>The report was not merged: {message}</source>
        <translation>未能并入：{message}</translation>
    </message>
    <message>
        <source>Not connected to the backend; the report was not merged. The form is kept.</source>
        <translation>未连接后台，未能并入。表单已保留。</translation>
    </message>
    <message>
        <source>Report added to case {no}. Tell the caller this number.</source>
        <translation>已并入工单 {no}，请告知来电人此工单号。</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <source>Inbox</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Recent cases</source>
        <translation>最近工单</translation>
    </message>
    <message>
        <source>The caller&apos;s earlier cases could not be loaded: {reason}</source>
        <translation>无法加载来电人的历史工单：{reason}</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <source>KPIs not available: {reason}</source>
        <translation>考核指标暂不可用：{reason}</translation>
    </message>
    <message>
        <source>All departments: on time {on_time}, returned {returned}, reopened {reopened}, satisfied {satisfied}, open {open}, overdue {overdue}</source>
        <translation>全部单位：按时办结率 {on_time}，回退率 {returned}，重办率 {reopened}，满意率 {satisfied}，在办 {open}，超期 {overdue}</translation>
    </message>
</context>
<context>
    <name>KpiStrip</name>
    <message>
        <source>Waiting: {n}</source>
        <translation>排队：{n}</translation>
    </message>
    <message>
        <source>Longest wait: {s} s</source>
        <translation>最长等待：{s} 秒</translation>
    </message>
    <message>
        <source>Answered in 15 s: {p}</source>
        <translation>15秒接通率：{p}</translation>
    </message>
    <message>
        <source>Abandoned today: {n}</source>
        <translation>今日放弃：{n}</translation>
    </message>
    <message>
        <source>Connection rate: {p}</source>
        <translation>接通率：{p}</translation>
    </message>
</context>
<context>
    <name>LinkCaseDialog</name>
    <message>
        <source>Link the alert to a case</source>
        <translation>将预警关联到工单</translation>
    </message>
    <message>
        <source>Case no., address or description</source>
        <translation>工单号、地址或描述</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>No case of this seat matches the search.</source>
        <translation>本席位没有符合条件的工单。</translation>
    </message>
    <message>
        <source>Choose the case to link the alert to.</source>
        <translation>请选择要关联的工单。</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link a case</source>
        <translation>关联工单</translation>
    </message>
    <message>
        <source>This case is its parent</source>
        <translation>本工单为其父工单</translation>
    </message>
    <message>
        <source>Case no.:</source>
        <translation>工单号：</translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation>关系：</translation>
    </message>
    <message>
        <source>Enter the number of the case to link.</source>
        <translation>请输入要关联的工单号。</translation>
    </message>
    <message>
        <source>There is no case {case_no}.</source>
        <translation>没有工单 {case_no}。</translation>
    </message>
    <message>
        <source>A case cannot be linked to itself.</source>
        <translation>工单不能与自身关联。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>This seat is locked</source>
        <translation>本席位已锁定</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>已登录：{name}</translation>
    </message>
    <message>
        <source>The backend cannot be reached; the password is checked once it is.</source>
        <translation>无法连接后台；连接恢复后才能验证密码。</translation>
    </message>
    <message>
        <source>The account is locked: {reason}</source>
        <translation>账号已锁定：{reason}</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>The backend refused: {reason}</source>
        <translation>后台拒绝：{reason}</translation>
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
        <source>Wall</source>
        <translation>大屏</translation>
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
        <source>Alert &amp;sound…</source>
        <translation>预警声音(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Acknowledge the top alert…</source>
        <translation>确认当前预警(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Wall</source>
        <translation>大屏(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
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
    <name>MapMarkers</name>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>特急</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Camera {name} ({group})</source>
        <translation>摄像机 {name}（{group}）</translation>
    </message>
</context>
<context>
    <name>MapPickDialog</name>
    <message>
        <source>Pick the location on the map</source>
        <translation>在地图上选取位置</translation>
    </message>
    <message>
        <source>Click the place, or move the crosshair with the arrow keys (Shift: farther) and press Enter. Wheel or +/− zooms, drag pans, 0 shows the whole district.</source>
        <translation>点击地点，或用方向键移动十字线（按住 Shift 移得更远）后按回车。滚轮或 +/− 缩放，拖动平移，0 显示全区。</translation>
    </message>
    <message>
        <source>The backend refused the map: {message}</source>
        <translation>后台拒绝了地图请求：{message}</translation>
    </message>
    <message>
        <source>The backend cannot be reached, so the map cannot be shown.</source>
        <translation>无法连接后台，地图无法显示。</translation>
    </message>
    <message>
        <source>No point picked yet.</source>
        <translation>尚未选取位置。</translation>
    </message>
    <message>
        <source>loading the map…</source>
        <translation>正在加载地图…</translation>
    </message>
    <message>
        <source>outside the district&apos;s grids</source>
        <translation>不在本区网格内</translation>
    </message>
    <message>
        <source>{lat:.6f}, {lon:.6f}: {where}</source>
        <translation>{lat:.6f}, {lon:.6f}：{where}</translation>
    </message>
</context>
<context>
    <name>MessageTableModel</name>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>To</source>
        <translation>接收对象</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>回执</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
</context>
<context>
    <name>MessagesPane</name>
    <message>
        <source>Attach to the case</source>
        <translation>关联到案件</translation>
    </message>
    <message>
        <source>Put the selected message on the record of the case in context</source>
        <translation>将所选消息记入当前案件</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>回执</translation>
    </message>
    <message>
        <source>Receipts: {audience}</source>
        <translation>回执：{audience}</translation>
    </message>
</context>
<context>
    <name>MonitorCanvas</name>
    <message>
        <source>Pinned</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Write something here; it goes on the case&apos;s record.</source>
        <translation>请填写内容，它将记入工单记录。</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <source>&amp;Dismiss conflict</source>
        <translation>忽略冲突(&amp;D)</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Command</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>已忽略</translation>
    </message>
</context>
<context>
    <name>OutboxWatch</name>
    <message>
        <source>Sent: {summary}</source>
        <translation>已发送：{summary}</translation>
    </message>
    <message>
        <source>Not applied: {summary}. The backend refused it: {reason}</source>
        <translation>未执行：{summary}。后台拒绝：{reason}</translation>
    </message>
</context>
<context>
    <name>PartyTableModel</name>
    <message>
        <source>Party</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>PresetBar</name>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>A monitor preset goes on the selected monitor, a wall preset on the whole wall</source>
        <translation>单屏预案应用到所选屏幕，整墙预案应用到整面大屏</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预案(&amp;P)：</translation>
    </message>
    <message>
        <source>wall</source>
        <translation>整墙</translation>
    </message>
    <message>
        <source>monitor</source>
        <translation>单屏</translation>
    </message>
</context>
<context>
    <name>PresetDialog</name>
    <message>
        <source>Save as preset</source>
        <translation>另存为预案</translation>
    </message>
    <message>
        <source>Monitor “{name}” only</source>
        <translation>仅屏幕“{name}”</translation>
    </message>
    <message>
        <source>The whole wall</source>
        <translation>整面大屏</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Holds:</source>
        <translation>包含：</translation>
    </message>
    <message>
        <source>Name the preset.</source>
        <translation>请为预案命名。</translation>
    </message>
    <message>
        <source>A preset of this name exists: saving replaces it.</source>
        <translation>已有同名预案：保存将替换它。</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Report progress</source>
        <translation>进展反馈</translation>
    </message>
    <message>
        <source>What has been done so far</source>
        <translation>目前已完成的工作</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>进展：</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>Describe the progress.</source>
        <translation>请描述办理进展。</translation>
    </message>
</context>
<context>
    <name>PushToWallDialog</name>
    <message>
        <source>Push the video to the wall</source>
        <translation>视频推送上墙</translation>
    </message>
    <message>
        <source>Video of {name}</source>
        <translation>{name}的视频</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <source>Tile</source>
        <translation>窗格</translation>
    </message>
    <message>
        <source>Tile {n}</source>
        <translation>第 {n} 格</translation>
    </message>
    <message>
        <source>{tile} (pinned)</source>
        <translation>{tile}（已固定）</translation>
    </message>
</context>
<context>
    <name>RadioEmergencyBox</name>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Emergency: %n unit(s) waiting for acknowledgement</source>
        <translation>
            <numerusform>⚠ 紧急报警：%n 个单位等待确认</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RadioEmergencyModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Talk group</source>
        <translation>通话组</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>RadioLabels</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>(no transcript)</source>
        <translation>（无文字记录）</translation>
    </message>
</context>
<context>
    <name>RadioPanel</name>
    <message>
        <source>Radio</source>
        <translation>对讲</translation>
    </message>
    <message>
        <source>Patch groups…</source>
        <translation>通话组互联…</translation>
    </message>
    <message>
        <source>That talk group has had no transmission yet.</source>
        <translation>该通话组尚无通话。</translation>
    </message>
    <message>
        <source>Replayed — {group}, {time}, {unit}: {text}</source>
        <translation>重播 — {group}，{time}，{unit}：{text}</translation>
    </message>
    <message>
        <source>On air: {group}</source>
        <translation>发射中：{group}</translation>
    </message>
    <message>
        <source>Push-to-talk goes to {group}</source>
        <translation>按键讲话发往：{group}</translation>
    </message>
</context>
<context>
    <name>RadioPatchDialog</name>
    <message>
        <source>Patch talk groups</source>
        <translation>通话组互联</translation>
    </message>
    <message>
        <source>Traffic on any of the chosen groups is heard on all of them.</source>
        <translation>所选任一通话组的通话，其他各组都能听到。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>For</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>互联</translation>
    </message>
    <message>
        <source>Choose at least two talk groups.</source>
        <translation>请至少选择两个通话组。</translation>
    </message>
    <message>
        <source>A patch joins at most {count} talk groups.</source>
        <translation>一次互联最多 {count} 个通话组。</translation>
    </message>
    <message>
        <source>A patch lasts from {low} to {high} minutes.</source>
        <translation>互联时长为 {low} 至 {high} 分钟。</translation>
    </message>
</context>
<context>
    <name>RadioPtt</name>
    <message>
        <source>Select a talk group before you press to talk.</source>
        <translation>请先选择一个通话组再按键讲话。</translation>
    </message>
    <message>
        <source>Talk was refused</source>
        <translation>讲话被拒绝</translation>
    </message>
    <message>
        <source>The talk did not end cleanly</source>
        <translation>讲话未能正常结束</translation>
    </message>
    <message>
        <source>{failed}: {reason}</source>
        <translation>{failed}：{reason}</translation>
    </message>
    <message>
        <source>Push-to-talk: the backend cannot be reached; the radio is not keyed.</source>
        <translation>按键讲话：无法连接后台，对讲未发射。</translation>
    </message>
</context>
<context>
    <name>RadioService</name>
    <message>
        <source>{name} (console)</source>
        <translation>{name}（调度台）</translation>
    </message>
    <message>
        <source>The emergency was not acknowledged</source>
        <translation>紧急报警未能确认</translation>
    </message>
    <message>
        <source>The talk groups were not patched</source>
        <translation>通话组未能互联</translation>
    </message>
    <message>
        <source>The patch was not ended</source>
        <translation>互联未能解除</translation>
    </message>
    <message>
        <source>The last transmission was not replayed</source>
        <translation>上一次通话未能重播</translation>
    </message>
</context>
<context>
    <name>RadioStrip</name>
    <message>
        <source>Unpatch</source>
        <translation>解除互联</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>重播</translation>
    </message>
    <message>
        <source>Replay the last transmission</source>
        <translation>重播上一次通话</translation>
    </message>
    <message>
        <source>Push to talk</source>
        <translation>按住讲话</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>No transmission yet</source>
        <translation>尚无通话</translation>
    </message>
    <message>
        <source>Patched with {groups} until {time}</source>
        <translation>已与{groups}互联，至 {time}</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>发射中</translation>
    </message>
</context>
<context>
    <name>RadioVoice</name>
    <message>
        <source>Emergency: {unit} on {group}</source>
        <translation>紧急报警：{group}，{unit}</translation>
    </message>
</context>
<context>
    <name>ReceiptTableModel</name>
    <message>
        <source>Recipient</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>移出</translation>
    </message>
    <message>
        <source>first report</source>
        <translation>首次反映</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Operator</source>
        <translation>话务员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处置人员</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Installer</source>
        <translation>安装员</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <source>These scenario files have errors and cannot be run:
{lines}</source>
        <translation>以下演练科目文件有错误，无法使用：
{lines}</translation>
    </message>
    <message>
        <source>No scenario chosen.</source>
        <translation>未选择演练科目。</translation>
    </message>
    <message>
        <source>{title} — level {level}, {theme}, {duration}, {injects} injects.
{description}
Seats: {seats}</source>
        <translation>{title} — 层级：{level}，{theme}，时长 {duration}，{injects} 个事件。
{description}
席位：{seats}</translation>
    </message>
</context>
<context>
    <name>ScenarioTableModel</name>
    <message>
        <source>Scenario</source>
        <translation>演练科目</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>席位</translation>
    </message>
    <message>
        <source>Injects</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>SeatAlerts</name>
    <message>
        <source>The alert sound settings could not be saved: {reason}</source>
        <translation>无法保存预警声音设置：{reason}</translation>
    </message>
</context>
<context>
    <name>SeatAssignment</name>
    <message>
        <source>Choose a scenario to assign its seats.</source>
        <translation>请选择演练科目以分配席位。</translation>
    </message>
    <message>
        <source>The username of the trainee at this seat</source>
        <translation>该席位学员的用户名</translation>
    </message>
</context>
<context>
    <name>SeatRequests</name>
    <message>
        <source>{failed}: {reason}</source>
        <translation>{failed}：{reason}</translation>
    </message>
    <message>
        <source>{failed}: the backend cannot be reached; try again when the seat is connected.</source>
        <translation>{failed}：无法连接后台，请在席位恢复连接后重试。</translation>
    </message>
</context>
<context>
    <name>SeatService</name>
    <message>
        <source>This seat was away longer than the backend keeps events: the case list was reloaded.</source>
        <translation>本席位离线时间超过后台保留的事件时长，已重新加载全部工单。</translation>
    </message>
    <message>
        <source>This seat fell behind the live events: the case list was reloaded.</source>
        <translation>本席位未能及时接收实时事件，已重新加载全部工单。</translation>
    </message>
    <message>
        <source>The case list was reloaded from the backend ({reason}).</source>
        <translation>已从后台重新加载全部工单（{reason}）。</translation>
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
        <source>{state} · last contact {seconds} s ago</source>
        <translation>{state} · 上次联系于 {seconds} 秒前</translation>
    </message>
    <message>
        <source>Backend: {url}</source>
        <translation>后台：{url}</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>最近错误：{error}</translation>
    </message>
    <message>
        <source>{n} waiting to send</source>
        <translation>{n} 条等待发送</translation>
    </message>
    <message>
        <source>Conflicts: {n}</source>
        <translation>冲突：{n}</translation>
    </message>
    <message>
        <source>Open the outbox</source>
        <translation>打开发件箱</translation>
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
    <name>SideActionsBar</name>
    <message>
        <source>Report progress…</source>
        <translation>进展反馈…</translation>
    </message>
    <message>
        <source>Request extension…</source>
        <translation>申请延期…</translation>
    </message>
    <message>
        <source>Supervise…</source>
        <translation>督办…</translation>
    </message>
    <message>
        <source>Urge…</source>
        <translation>催办…</translation>
    </message>
    <message>
        <source>Decide extension…</source>
        <translation>审批延期…</translation>
    </message>
    <message>
        <source>Consultation…</source>
        <translation>会商…</translation>
    </message>
    <message>
        <source>Conclude consultation…</source>
        <translation>会商结论…</translation>
    </message>
    <message>
        <source>Link case…</source>
        <translation>关联工单…</translation>
    </message>
    <message>
        <source>Urge notice:</source>
        <translation>催办内容：</translation>
    </message>
    <message>
        <source>Conclusion of “{topic}”:</source>
        <translation>“{topic}”的会商结论：</translation>
    </message>
    <message>
        <source>Refused: {message}</source>
        <translation>被拒绝：{message}</translation>
    </message>
    <message>
        <source>Not connected to the backend; nothing was changed.</source>
        <translation>未连接后台；未做任何更改。</translation>
    </message>
    <message>
        <source>Done: {action}</source>
        <translation>已完成：{action}</translation>
    </message>
</context>
<context>
    <name>SourceModel</name>
    <message>
        <source>Sources</source>
        <translation>信号源</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>统计图表</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Duty notice</source>
        <translation>值班公告</translation>
    </message>
</context>
<context>
    <name>SpeechDialog</name>
    <message>
        <source>Alert sound</source>
        <translation>预警声音</translation>
    </message>
    <message>
        <source>Mute spoken announcements</source>
        <translation>关闭语音播报</translation>
    </message>
    <message>
        <source>A chime before each announcement</source>
        <translation>播报前提示音</translation>
    </message>
    <message>
        <source>Default (a Chinese voice if there is one)</source>
        <translation>默认（优先中文语音）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Volume:</source>
        <translation>音量：</translation>
    </message>
    <message>
        <source>Speak alerts from:</source>
        <translation>播报级别不低于：</translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation>语音：</translation>
    </message>
    <message>
        <source>Repeat unacknowledged alerts every:</source>
        <translation>未确认预警重复播报间隔：</translation>
    </message>
</context>
<context>
    <name>SpeechQueue</name>
    <message>
        <source>No speech engine: {detail}</source>
        <translation>没有可用的语音引擎：{detail}</translation>
    </message>
    <message>
        <source>No Chinese voice is installed; announcements use the voice {voice}</source>
        <translation>未安装中文语音，播报改用语音 {voice}</translation>
    </message>
    <message>
        <source>The chosen voice is not installed ({detail})</source>
        <translation>所选语音未安装（{detail}）</translation>
    </message>
    <message>
        <source>No audio output: {detail}</source>
        <translation>没有音频输出：{detail}</translation>
    </message>
    <message>
        <source>Speech synthesis failed: {detail}</source>
        <translation>语音合成失败：{detail}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Refusing the unencrypted connection {url}: use wss:// for another machine, or allow plain ws:// explicitly (--allow-insecure-ws).</source>
        <translation>拒绝未加密的连接 {url}：连接其他计算机请使用 wss://，或明确允许明文 ws://（--allow-insecure-ws）。</translation>
    </message>
    <message>
        <source>The TLS settings are unusable: {reason}</source>
        <translation>TLS 设置不可用：{reason}</translation>
    </message>
    <message>
        <source>Automatic login as {user} failed: {reason}</source>
        <translation>以 {user} 自动登录失败：{reason}</translation>
    </message>
    <message>
        <source>The backend at {url} cannot be reached; still trying.</source>
        <translation>无法连接 {url} 的后台，正在继续尝试。</translation>
    </message>
</context>
<context>
    <name>SuggestionBar</name>
    <message>
        <source>Suggested:</source>
        <translation>推荐类别：</translation>
    </message>
</context>
<context>
    <name>SuperviseDialog</name>
    <message>
        <source>Supervise</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>What the departments must do, and by when</source>
        <translation>要求承办单位做什么、何时完成</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>督办级别：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>督办意见：</translation>
    </message>
    <message>
        <source>Write the supervision note; it goes to the departments.</source>
        <translation>请填写督办意见；它将发送给承办单位。</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Search the directory: name, initials, phone, org</source>
        <translation>搜索通讯录：姓名、首字母、电话、单位</translation>
    </message>
    <message>
        <source>…or a number, SIP address or extension</source>
        <translation>…或输入号码、SIP 地址或分机</translation>
    </message>
    <message>
        <source>Blind: hand the call over and leave</source>
        <translation>直接转接：交出通话后退出</translation>
    </message>
    <message>
        <source>Attended: talk to them first, then complete</source>
        <translation>咨询转接：先与对方通话，再完成转接</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>Text of the tile</source>
        <translation>窗格文字</translation>
    </message>
    <message>
        <source>What the tile shows:</source>
        <translation>窗格显示的内容：</translation>
    </message>
    <message>
        <source>The text is too long ({n} characters, at most {max}).</source>
        <translation>文字过长（{n} 个字，最多 {max} 个）。</translation>
    </message>
    <message>
        <source>Write what the tile shows.</source>
        <translation>请填写窗格显示的内容。</translation>
    </message>
</context>
<context>
    <name>TileFactory</name>
    <message>
        <source>This tile cannot be shown: {reason}</source>
        <translation>此窗格无法显示：{reason}</translation>
    </message>
</context>
<context>
    <name>TileFrame</name>
    <message>
        <source>PINNED</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>ALARM</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <source>NO SIGNAL</source>
        <translation>无信号</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>TileNames</name>
    <message>
        <source>Cases by hour</source>
        <translation>每小时工单量</translation>
    </message>
    <message>
        <source>Cases by category</source>
        <translation>工单分类统计</translation>
    </message>
    <message>
        <source>Cases by grid</source>
        <translation>各网格工单量</translation>
    </message>
    <message>
        <source>Deadline compliance</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Grid map</source>
        <translation>网格地图</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>统计图表</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>工单列表</translation>
    </message>
    <message>
        <source>Alert list</source>
        <translation>预警列表</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Text panel</source>
        <translation>文字面板</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Camera {ref} (not registered)</source>
        <translation>摄像机 {ref}（未登记）</translation>
    </message>
    <message>
        <source>Alert {ref}</source>
        <translation>预警 {ref}</translation>
    </message>
</context>
<context>
    <name>TimelineAction</name>
    <message>
        <source>Registered</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>派遣</translation>
    </message>
    <message>
        <source>Dispatched on</source>
        <translation>下派</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Completion reported</source>
        <translation>办结反馈</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核查通过</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>核查不通过</translation>
    </message>
    <message>
        <source>Callback: satisfied</source>
        <translation>回访满意</translation>
    </message>
    <message>
        <source>Callback: unsatisfied</source>
        <translation>回访不满意</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>挂账</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>恢复办理</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Closed at intake</source>
        <translation>直接办结</translation>
    </message>
    <message>
        <source>Report merged</source>
        <translation>合并来件</translation>
    </message>
    <message>
        <source>Merge undone</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <source>Progress reported</source>
        <translation>进展反馈</translation>
    </message>
    <message>
        <source>Case linked</source>
        <translation>关联工单</translation>
    </message>
    <message>
        <source>Link removed</source>
        <translation>解除关联</translation>
    </message>
    <message>
        <source>Consultation opened</source>
        <translation>发起会商</translation>
    </message>
    <message>
        <source>Consultation concluded</source>
        <translation>会商结论</translation>
    </message>
    <message>
        <source>Extension requested</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>Extension approved</source>
        <translation>延期批准</translation>
    </message>
    <message>
        <source>Extension refused</source>
        <translation>延期驳回</translation>
    </message>
    <message>
        <source>Put under supervision</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>Urged</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>提级督办</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>对讲</translation>
    </message>
    <message>
        <source>Video session</source>
        <translation>视频会话</translation>
    </message>
</context>
<context>
    <name>TimelineTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Seat {seat}</source>
        <translation>席位 {seat}</translation>
    </message>
</context>
<context>
    <name>TraineeScoreModel</name>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>席位</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Out of</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
</context>
<context>
    <name>VideoPane</name>
    <message>
        <source>Start video</source>
        <translation>发起视频</translation>
    </message>
    <message>
        <source>A video call with the field unit selected in the directory</source>
        <translation>与通讯录中选中的单兵进行视频通话</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Push to wall…</source>
        <translation>推送上墙…</translation>
    </message>
    <message>
        <source>Select a field unit with video in the directory first.</source>
        <translation>请先在通讯录中选择一个带视频的单兵。</translation>
    </message>
    <message>
        <source>The wall is not loaded yet; try again in a moment.</source>
        <translation>大屏尚未加载，请稍后再试。</translation>
    </message>
    <message>
        <source>{name}&apos;s video is on monitor {monitor}, tile {tile}.</source>
        <translation>{name}的视频已上墙：{monitor} 号屏，第 {tile} 格。</translation>
    </message>
</context>
<context>
    <name>VideoSessionModel</name>
    <message>
        <source>Unit</source>
        <translation>单兵</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>发起人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Ended {at}</source>
        <translation>已结束 {at}</translation>
    </message>
</context>
<context>
    <name>VideoSessions</name>
    <message>
        <source>The video session did not start</source>
        <translation>视频会话未能开始</translation>
    </message>
    <message>
        <source>The video session did not end</source>
        <translation>视频会话未能结束</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <source>STOPPED</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>NO SIGNAL</source>
        <translation>无信号</translation>
    </message>
    <message>
        <source>CONNECTING</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Last picture at {time}</source>
        <translation>最后画面时间 {time}</translation>
    </message>
    <message>
        <source>No picture received yet</source>
        <translation>尚未收到画面</translation>
    </message>
    <message>
        <source>Retrying in {seconds} s</source>
        <translation>{seconds} 秒后重试</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>WallChangeWords</name>
    <message>
        <source>the wall&apos;s rules</source>
        <translation>大屏规则</translation>
    </message>
    <message>
        <source>alarm, alert {id}</source>
        <translation>报警联动，预警 {id}</translation>
    </message>
    <message>
        <source>alarm, case {id}</source>
        <translation>报警联动，工单 {id}</translation>
    </message>
    <message>
        <source>preset “{name}”</source>
        <translation>预案“{name}”</translation>
    </message>
    <message>
        <source>rule “{name}”</source>
        <translation>规则“{name}”</translation>
    </message>
    <message>
        <source>schedule “{name}”</source>
        <translation>定时“{name}”</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
</context>
<context>
    <name>WallDesigner</name>
    <message>
        <source>Read-only: your role may look at the wall but not change it.</source>
        <translation>只读：您的角色可以查看大屏，但不能更改。</translation>
    </message>
    <message>
        <source>Drag a source onto a tile (or select a tile and press Enter) · Ctrl+click selects several tiles · digits pick layouts · F1 lists every key</source>
        <translation>把信号源拖到窗格上（或选中窗格后按回车）· Ctrl+单击可多选窗格 · 数字键选择布局 · F1 查看全部快捷键</translation>
    </message>
    <message>
        <source>Loading the wall…</source>
        <translation>正在加载大屏…</translation>
    </message>
    <message>
        <source>The wall as shown (version {version}).</source>
        <translation>大屏当前画面（版本 {version}）。</translation>
    </message>
    <message>
        <source>Edited, not on the wall yet: monitor {monitors} (based on version {version}).</source>
        <translation>已编辑、尚未上墙：屏幕 {monitors}（基于版本 {version}）。</translation>
    </message>
    <message>
        <source>The wall shows your layout now.</source>
        <translation>大屏已显示您的布局。</translation>
    </message>
    <message>
        <source>Select the monitor the preset goes on first.</source>
        <translation>请先选择要应用预案的屏幕。</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>编辑文字</translation>
    </message>
</context>
<context>
    <name>WallDisplay</name>
    <message>
        <source>Connection to the backend lost at {time}: the wall may be out of date. Reconnecting…</source>
        <translation>与后台的连接于 {time} 中断：大屏画面可能不是最新。正在重新连接…</translation>
    </message>
    <message>
        <source>Waiting for the wall…</source>
        <translation>正在等待大屏数据…</translation>
    </message>
    <message>
        <source>The wall has no monitor {index}.</source>
        <translation>大屏没有第 {index} 号屏幕。</translation>
    </message>
    <message>
        <source>Wall — monitor {index} {name}</source>
        <translation>大屏 — 第 {index} 屏 {name}</translation>
    </message>
</context>
<context>
    <name>WallHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>WallService</name>
    <message>
        <source>The wall was not changed</source>
        <translation>大屏未更改</translation>
    </message>
    <message>
        <source>The tile was not changed</source>
        <translation>窗格未更改</translation>
    </message>
    <message>
        <source>The tile was not pinned</source>
        <translation>窗格未锁定</translation>
    </message>
    <message>
        <source>The preset was not applied</source>
        <translation>预案未应用</translation>
    </message>
    <message>
        <source>The preset was not saved</source>
        <translation>预案未保存</translation>
    </message>
    <message>
        <source>Preset “{name}” saved.</source>
        <translation>预案“{name}”已保存。</translation>
    </message>
    <message>
        <source>The preset was not deleted</source>
        <translation>预案未删除</translation>
    </message>
    <message>
        <source>The wall rule was not saved</source>
        <translation>大屏规则未保存</translation>
    </message>
    <message>
        <source>The wall&apos;s history was not loaded</source>
        <translation>大屏变更记录未能加载</translation>
    </message>
</context>
</TS>
