export * from './auth'
export * from './events'
export * from './mechanics'
export * from './sessions'
