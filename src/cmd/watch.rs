//! `lianxi watch`: build, then rebuild what each saved edit changes.

use lianxi::build::Policy;
use lianxi::diag::Failure;
use lianxi::documents::roster_appendix::RosterRequest;
use lianxi::watch::Round;

use super::{Output, finish, print_diagnostics};
use crate::cli::{Target, WatchArgs};

pub fn run(args: WatchArgs, say: &Output) -> Result<(), Failure> {
    let WatchArgs {
        target: Target { dir, out, as_of },
        fonts,
    } = args;
    let request = as_of.map(RosterRequest::reissued);
    let policy = Policy {
        strict: fonts.strict,
        ..Policy::default()
    };
    eprintln!(
        "正在监视 {}，保存数据文件后自动重新生成到 {}（Ctrl+C 退出）",
        dir.display(),
        out.display()
    );
    lianxi::watch::watch(
        &dir,
        &out,
        |data| fonts.options(Some(data)),
        request.as_ref(),
        policy,
        |round| match round {
            Round::Built {
                report,
                changed,
                took,
            } => {
                if let Err(Failure(errors)) = finish(report, say) {
                    print_diagnostics(&errors);
                }
                if changed == 0 {
                    eprintln!("数据已检查，没有公文需要更新（{} 毫秒）", took.as_millis());
                } else {
                    eprintln!("已更新 {changed} 份公文，用时 {} 毫秒", took.as_millis());
                }
            }
            Round::Refused(Failure(diags)) => {
                print_diagnostics(&diags);
                eprintln!("数据有误，未生成；改正后保存即可");
            }
        },
    )
}
