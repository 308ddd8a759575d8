// One place for work every suite shares (building front ends, the emulator's CA); each issue adds its step.
export default function setup(): void {}
