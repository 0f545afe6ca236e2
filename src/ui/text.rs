//! Every string the window shows, in one place so a second language can be added by swapping
//! this module. Field labels double as widget ids, which is how tests find a field "by its
//! label", as a user would.

pub const APP_TITLE: &str = crate::APP_NAME;

// Welcome
pub const WELCOME_HEADING: &str = "工学一体化申报助手";
pub const WELCOME_INTRO: &str = "为技工院校教务处准备工学一体化建设专业申报材料：专业申报、教师课时、教学资源包，检查无误后导出签署的申报材料。";
pub const NEW_FILE: &str = "新建学校文件…";
pub const OPEN_FILE: &str = "打开…";
pub const RECENT_FILES: &str = "最近打开";
pub const NO_RECENT: &str = "还没有打开过学校文件。";
pub const FORGET_RECENT: &str = "移除";
pub const FILE_MISSING: &str = "（文件已不存在）";

// New school / first run
pub const FIRST_RUN_HEADING: &str = "欢迎使用！先填写学校的基本信息";
pub const NEW_SCHOOL_HEADING: &str = "新建学校文件";
pub const NEW_SCHOOL_HINT: &str = "其余信息可以稍后在“学校信息”中补充。";
pub const SAVED_AT: &str = "学校文件保存位置：";
pub const CREATE: &str = "创建";
pub const CANCEL: &str = "取消";

// Navigation
pub const AREA_SCHOOL: &str = "学校信息";
pub const AREA_DECLARATIONS: &str = "专业申报";
pub const AREA_WORKLOAD: &str = "教师与课时";
pub const AREA_RESOURCES: &str = "教学资源包";
pub const AREA_EXPORT: &str = "导出与签署";
pub const CLOSE_FILE: &str = "关闭文件";

// School profile
pub const NAME: &str = "学校名称";
pub const KIND: &str = "学校类型";
pub const REGION: &str = "所属盟市";
pub const CREDIT_CODE: &str = "统一社会信用代码";
pub const ADDRESS: &str = "地址";
pub const PRINCIPAL: &str = "校长";
pub const ACADEMIC_HEAD: &str = "教务处负责人";
pub const CONTACT: &str = "联系人";
pub const PHONE: &str = "联系电话";
pub const CREDIT_CODE_HINT: &str = "18位，见事业单位法人证书";
pub const PHONE_HINT: &str = "手机号或带区号的座机号";
pub const SAVE: &str = "保存";
pub const DISCARD: &str = "放弃修改";
pub const SAVED: &str = "已保存。";
pub const UNSAVED: &str = "有未保存的修改";
pub const SCHOOL_INTRO: &str = "这些信息印在申报材料的“学校基本情况”表中。";

// Leaving with unsaved edits
pub const UNSAVED_TITLE: &str = "学校信息有未保存的修改";
pub const UNSAVED_BODY: &str = "离开前要保存这些修改吗？";
pub const SAVE_AND_LEAVE: &str = "保存并离开";
pub const DISCARD_AND_LEAVE: &str = "不保存";
pub const STAY: &str = "留在此页";
pub const CANNOT_SAVE_INVALID: &str = "有填写错误，无法保存。请先改正标红的项目，或选择“不保存”。";

// Areas still to come: what each will do, so the rail shows the whole product.
pub const COMING: &str = "即将推出";
pub const WORKLOAD_PLAN: &[&str] = &[
    "教师名册：任职形式（专职、兼职、企业聘用）、一体化教师等级、师资培训和企业实践记录。",
    "课时登记：一体化课程课时按1.4倍折算（二(四)），精确到小数，按教师、系部和专业汇总。",
    "教师填报：教师用键盘快速登记本周课时；也可导出 Excel 模板、填好后再导入，不会重复。",
];
pub const EXPORT_PLAN: &[&str] = &[
    "按批次导出申报材料 PDF：封面、目录、学校基本情况、建设专业申报表、教师名册与课时汇总、资源包清单、承诺与签署页。",
    "导出前先检查：有错误不能导出，已说明的提醒随材料打印。",
    "数字签名：签署后的 PDF 任何改动都能被发现，盟市人社部门可直接读取其中的数据。",
];

/// Title bar: the product name, and the school once a file is open.
pub fn window_title(school: Option<&str>) -> String {
    match school {
        Some(name) => format!("{APP_TITLE} — {name}"),
        None => APP_TITLE.to_string(),
    }
}

// Resource package overview (教学资源包)
pub const RESOURCES_INTRO: &str = "每个专业的教学资源包：政策要求的五类资源各有多少、其中计入资源包的有多少（教材须经审核通过，凡编必审、凡选必审），以及各课程的完整性。";
pub const NO_RESOURCES: &str = "还没有申报专业，也没有登记教学资源。";
pub const NO_RESOURCES_FOR_SPECIALTY: &str = "尚未登记任何资源。";
pub const WHOLE_SPECIALTY: &str = "（不分课程）";
pub const COURSE: &str = "课程";

// Declaration wizard (专业申报)
pub const STEPS: [&str; 5] = ["选择批次", "选择专业", "填写专业信息", "校内审核", "确认"];
pub const BACK: &str = "上一步";
pub const NEXT: &str = "下一步";
pub const DECLARED_BEFORE: &str = "已申报：";
pub const NOTHING_DECLARED: &str = "尚未申报";
pub const SEARCH_SPECIALTY: &str = "搜索专业名称";
pub const SEARCH_SPECIALTY_HINT: &str = "搜索专业名称或拼音首字母（如 skjg）";
pub const CHOOSE: &str = "选择";
pub const CHOSEN: &str = "已选";
pub const UNVERIFIED_TAG: &str = "〔待核对〕";
pub const PROGRAMMES: &str = "培养层次与学制";
pub const ADD_PROGRAMME: &str = "添加培养层次";
pub const ENROLMENT: &str = "计划招生人数";
pub const STANDARD: &str = "课程标准";
pub const SITES: &str = "教学场地";
pub const ADD_SITE: &str = "添加教学场地";
pub const SITE_NAME: &str = "场地名称";
pub const SITE_AREA: &str = "面积（㎡）";
pub const SITE_STATIONS: &str = "工位数";
pub const SITE_CLASS: &str = "班级规模";
pub const PARTNERS: &str = "合作企业";
pub const ADD_PARTNER: &str = "添加合作企业";
pub const PARTNER_NAME: &str = "企业名称";
pub const PARTNER_CODE: &str = "统一社会信用代码";
pub const PARTNER_DATE: &str = "协议日期";
pub const PARTNER_CONTRIBUTION: &str = "企业投入";
pub const TEACHERS: &str = "一体化教师人数";
pub const REMOVE: &str = "删除";
pub const STATIONS_SHORT: &str = "工位数少于班级规模：教学场地应与班级规模相匹配（二(三)）";
pub const READINESS: &str = "教学资源包准备情况";
pub const NO_FINDINGS: &str = "没有发现问题。";
pub const EXPLANATION: &str = "说明";
pub const EXPLANATION_HINT: &str = "请写明原因和改进措施（随申报材料打印）";
pub const MARK_CHECKED: &str = "确认无误，标记为已校验";
pub const CANNOT_CONFIRM: &str = "还有错误未改正，或提醒未填写说明，暂不能标记为已校验。";
pub const SIGNED_READ_ONLY: &str = "本批次申报已签署，内容只读。";
pub const NEW_REVISION: &str = "新建修订版本";
pub const STATUS: &str = "状态：";
pub const ADD_BATCH: &str = "添加批次";
pub const BATCH_NAME: &str = "批次名称";
pub const BATCH_START: &str = "开始年月";
pub const BATCH_END: &str = "结束年月";
pub const ADD_BATCH_HINT: &str = "新的通知公布下一批次时，在此添加：";
pub const ADD_SPECIALTY: &str = "添加专业";
pub const NEW_SPECIALTY_NAME: &str = "新专业名称";
pub const IMPORT_CATALOGUE: &str = "导入专业目录…";
pub const CATALOGUE_HINT: &str = "目录中的专业均标为“待核对”：人社部31个工学一体化建设专业的目录公布后，可导入 CSV 或 JSON 文件更新。";
