/** Chinese words of the database layer that reach people. */
export const DB_TEXT = {
  dataDirInUse: (dir: string, pid: number) =>
    `内置数据库的数据目录 ${dir} 正由另一个进程（pid ${pid}）使用，同一数据目录同时只能由一个进程打开。请先停止该进程（如 fazhi serve），再运行此命令；若该进程已不存在，删除 ${dir}/fazhi.pid 后重试。`,
};
