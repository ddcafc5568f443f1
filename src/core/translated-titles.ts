/**
 * Section titles in Chinese (simplified and traditional), Japanese, Korean, Spanish,
 * Portuguese, French, German, Ukrainian and Russian, so specs written in those languages
 * match the built-in templates. Each entry lists the headings teams actually use, most common first.
 */
const TITLES = {
  summary: ['摘要', '概述', '概要', '要約', '요약', '개요', 'Resumen', 'Resumo', 'Résumé', 'Synthèse', 'Zusammenfassung', 'Резюме', 'Підсумок', 'Короткий опис', 'Краткое описание', 'Аннотация'],
  introduction: ['简介', '簡介', '介绍', '介紹', '引言', 'はじめに', '소개', 'Introducción', 'Introdução', 'Introduction', 'Einleitung', 'Einführung', 'Вступ', 'Введение'],
  overview: ['概述', '概覽', '概览', '概要', '개요', 'Descripción general', 'Visión general', 'Visão geral', "Vue d'ensemble", 'Aperçu', 'Überblick', 'Übersicht', 'Огляд', 'Обзор'],
  problem: ['问题陈述', '問題陳述', '问题描述', '問題描述', '问题', '問題', '課題', '問題提起', '문제 정의', '문제', 'Planteamiento del problema', 'Problema', 'Declaração do problema', 'Énoncé du problème', 'Problème', 'Problemstellung', 'Problem', 'Постановка проблеми', 'Проблема', 'Постановка задачи'],
  motivation: ['动机', '動機', '동기', 'Motivación', 'Motivação', 'Motivation', 'Мотивація', 'Мотивация'],
  background: ['背景', '배경', 'Antecedentes', 'Contexto', 'Histórico', 'Contexte', 'Hintergrund', 'Контекст', 'Передумови', 'Предыстория'],
  goals: ['目标', '目標', 'ゴール', '목표', 'Objetivos', 'Objectifs', 'Ziele', 'Цілі', 'Цели'],
  goalsAndNonGoals: ['目标与非目标', '目標與非目標', '目標と非目標', '목표와 비목표', 'Objetivos y no objetivos', 'Objetivos e não objetivos', 'Objectifs et non-objectifs', 'Ziele und Nicht-Ziele'],
  nonGoals: ['非目标', '非目標', '対象外', '비목표', '범위 외', 'No objetivos', 'Fuera de alcance', 'Não objetivos', 'Fora do escopo', 'Non-objectifs', 'Hors périmètre', 'Nicht-Ziele', 'Nicht im Umfang', 'Не цілі', 'Поза межами', 'Не цели', 'Вне рамок'],
  scope: ['范围', '範圍', '範囲', 'スコープ', '범위', 'Alcance', 'Escopo', 'Périmètre', 'Portée', 'Umfang', 'Обсяг', 'Межі', 'Объём работ', 'Границы'],
  requirements: ['需求', '要求', '要件', '要求事項', '요구사항', '요구 사항', 'Requisitos', 'Exigences', 'Anforderungen', 'Вимоги', 'Требования'],
  functionalRequirements: ['功能需求', '功能要求', '機能要件', '기능 요구사항', 'Requisitos funcionales', 'Requisitos funcionais', 'Exigences fonctionnelles', 'Funktionale Anforderungen', 'Функціональні вимоги', 'Функциональные требования'],
  nonFunctionalRequirements: ['非功能需求', '非功能性需求', '非機能要件', '비기능 요구사항', 'Requisitos no funcionales', 'Requisitos não funcionais', 'Exigences non fonctionnelles', 'Nichtfunktionale Anforderungen', 'Nicht-funktionale Anforderungen', 'Нефункціональні вимоги', 'Нефункциональные требования'],
  userStories: ['用户故事', '用戶故事', '使用者故事', 'ユーザーストーリー', '사용자 스토리', 'Historias de usuario', 'Histórias de usuário', 'Récits utilisateur', 'Benutzergeschichten', 'Історії користувачів', 'Пользовательские истории'],
  userScenarios: ['用户场景与测试', '用戶場景與測試', '用户场景', 'ユーザーシナリオとテスト', 'ユーザーシナリオ', '사용자 시나리오 및 테스트', '사용자 시나리오', 'Escenarios de usuario y pruebas', 'Escenarios de usuario', 'Cenários de usuário e testes', 'Cenários de usuário', 'Scénarios utilisateur et tests', 'Scénarios utilisateur', 'Benutzerszenarien und Tests', 'Benutzerszenarien', 'Сценарії користувачів і тестування', 'Сценарії користувачів', 'Пользовательские сценарии и тестирование', 'Пользовательские сценарии'],
  successCriteria: ['成功标准', '成功標準', '成功基準', '성공 기준', 'Criterios de éxito', 'Critérios de sucesso', 'Critères de succès', 'Critères de réussite', 'Erfolgskriterien', 'Критерії успіху', 'Критерии успеха'],
  acceptanceCriteria: ['验收标准', '驗收標準', '验收准则', '受け入れ基準', '受入基準', '인수 기준', '수용 기준', 'Criterios de aceptación', 'Critérios de aceitação', "Critères d'acceptation", 'Akzeptanzkriterien', 'Abnahmekriterien', 'Критерії приймання', 'Критерії прийняття', 'Критерии приёмки', 'Критерии приемки'],
  successMetrics: ['成功指标', '成功指標', '성공 지표', 'Métricas de éxito', 'Métricas de sucesso', 'Indicateurs de succès', 'Erfolgsmetriken', 'Erfolgskennzahlen'],
  measurableOutcomes: ['可衡量的结果', '可衡量結果', '測定可能な成果', '측정 가능한 결과', 'Resultados medibles', 'Resultados mensuráveis', 'Résultats mesurables', 'Messbare Ergebnisse'],
  risks: ['风险', '風險', 'リスク', '위험', '리스크', 'Riesgos', 'Riscos', 'Risques', 'Risiken', 'Ризики', 'Риски'],
  risksAndMitigations: ['风险与缓解措施', '風險與緩解措施', '风险与应对', 'リスクと対策', 'リスクと緩和策', '위험 및 완화 방안', '리스크 및 대응', 'Riesgos y mitigaciones', 'Riscos e mitigações', 'Risques et atténuations', 'Risques et mesures d’atténuation', 'Risiken und Gegenmaßnahmen'],
  dependencies: ['依赖', '依赖项', '依赖关系', '依賴', '依賴關係', '相依性', '依存関係', '의존성', '종속성', 'Dependencias', 'Dependências', 'Dépendances', 'Abhängigkeiten', 'Залежності', 'Зависимости'],
  testPlan: ['测试计划', '測試計劃', 'テスト計画', '테스트 계획', 'Plan de pruebas', 'Plano de testes', 'Plan de test', 'Plan de tests', 'Testplan', 'План тестування', 'План тестирования'],
  testingStrategy: ['测试策略', '測試策略', 'テスト戦略', '테스트 전략', 'Estrategia de pruebas', 'Estratégia de testes', 'Stratégie de test', 'Teststrategie'],
  timeline: ['时间线', '时间表', '時間表', 'タイムライン', 'スケジュール', '일정', '타임라인', 'Cronograma', 'Calendrier', 'Zeitplan'],
  milestones: ['里程碑', 'マイルストーン', '마일스톤', 'Hitos', 'Marcos', 'Jalons', 'Meilensteine'],
  stakeholders: ['干系人', '利益相关者', '利害關係人', 'ステークホルダー', '関係者', '이해관계자', 'Partes interesadas', 'Partes interessadas', 'Parties prenantes', 'Beteiligte'],
  releasePlan: ['发布计划', '發布計劃', '上线计划', 'リリース計画', '릴리스 계획', '출시 계획', 'Plan de lanzamiento', 'Plano de lançamento', 'Plan de déploiement', 'Plan de lancement', 'Release-Plan', 'Einführungsplan'],
  rollout: ['上线', '推出', 'ロールアウト', '롤아웃', 'Despliegue', 'Implantação', 'Déploiement', 'Rollout'],
  costs: ['成本', 'コスト', '비용', 'Costos', 'Costes', 'Custos', 'Coûts', 'Kosten'],
  openQuestions: ['待解决问题', '待解決問題', '开放问题', '未解决问题', '未解決の質問', '未解決事項', '検討事項', '미해결 질문', '열린 질문', 'Preguntas abiertas', 'Questões em aberto', 'Questions ouvertes', 'Offene Fragen', 'Відкриті питання', 'Открытые вопросы'],
  edgeCases: ['边界情况', '邊界情況', '边缘情况', 'エッジケース', '엣지 케이스', '예외 상황', 'Casos límite', 'Casos extremos', 'Casos de borda', 'Cas limites', 'Grenzfälle', 'Randfälle', 'Граничні випадки', 'Граничные случаи', 'Крайние случаи'],
  assumptions: ['假设', '假設', '前提条件', '前提', '가정', 'Supuestos', 'Premissas', 'Suposições', 'Hypothèses', 'Annahmen', 'Припущення', 'Допущения', 'Предположения'],
  keyEntities: ['关键实体', '關鍵實體', '主要エンティティ', '주요 엔터티', 'Entidades clave', 'Entidades principais', 'Entités clés', 'Zentrale Entitäten', 'Schlüsselentitäten', 'Ключові сутності', 'Ключевые сущности'],
  glossary: ['术语表', '術語表', '术语', '用語集', '용어집', 'Glosario', 'Glossário', 'Glossaire', 'Glossar', 'Глосарій', 'Глоссарий'],
  guideLevel: ['指南级解释', '使用说明', 'ガイドレベルの説明', '가이드 수준 설명', 'Explicación a nivel de guía', 'Explicação em nível de guia', 'Explication de niveau guide', 'Erklärung auf Anleitungsebene'],
  referenceLevel: ['参考级解释', '详细设计', '詳細設計', 'リファレンスレベルの説明', '참조 수준 설명', '상세 설계', 'Explicación a nivel de referencia', 'Diseño detallado', 'Explicação em nível de referência', 'Design detalhado', 'Explication de référence', 'Conception détaillée', 'Erklärung auf Referenzebene', 'Detailentwurf'],
  drawbacks: ['缺点', '缺點', '欠点', '단점', 'Desventajas', 'Desvantagens', 'Inconvénients', 'Nachteile', 'Недоліки', 'Недостатки'],
  rationaleAndAlternatives: ['理由与替代方案', '理由與替代方案', '替代方案', '根拠と代替案', '代替案', '근거 및 대안', '대안', 'Justificación y alternativas', 'Alternativas', 'Justificativa e alternativas', 'Justification et alternatives', 'Alternatives', 'Begründung und Alternativen', 'Alternativen', 'Альтернативи', 'Альтернативы'],
  priorArt: ['现有方案', '先例', '先行事例', '선행 사례', 'Trabajo previo', 'Trabalhos anteriores', 'Travaux antérieurs', 'État de l’art', 'Stand der Technik'],
  futurePossibilities: ['未来可能性', '未来工作', '將來的可能性', '将来の可能性', '今後の展望', '향후 가능성', '향후 과제', 'Posibilidades futuras', 'Trabajo futuro', 'Possibilidades futuras', 'Trabalhos futuros', 'Perspectives', 'Évolutions futures', 'Zukünftige Möglichkeiten', 'Ausblick'],
  why: ['原因', '为什么', '為什麼', 'なぜ', '이유', '왜', 'Por qué', 'Por quê', 'Por que', 'Pourquoi', 'Warum', 'Чому', 'Навіщо', 'Почему', 'Зачем'],
  whatChanges: ['变更内容', '變更內容', '变更点', '什么会改变', '改变什么', '变更', '修改内容', '变更范围', '方案概述', '方案', '解决方案', '實作方案', '変更内容', '변경 사항', 'Qué cambia', 'Cambios', 'O que muda', 'Mudanças', 'Ce qui change', 'Changements', 'Was sich ändert', 'Änderungen', 'Що змінюється', 'Зміни', 'Что меняется', 'Изменения'],
  capabilities: ['能力', '機能', 'ケイパビリティ', '기능', '역량', 'Capacidades', 'Capacités', 'Fähigkeiten', 'Можливості', 'Возможности'],
  impact: ['影响', '影響', '影响面', '影响范围', '影响评估', '影響評估', '影响分析', '影響範囲', '影響評価', '영향', '영향 평가', 'Impacto', 'Impact', 'Auswirkungen', 'Вплив', 'Влияние'],
  purpose: ['目的', '목적', 'Propósito', 'Objeto', 'Objetivo', 'But', 'Zweck', 'Призначення', 'Назначение'],
  targetUsers: ['目标用户', '目標用戶', '対象ユーザー', '대상 사용자', 'Usuarios objetivo', 'Usuários-alvo', 'Utilisateurs cibles', 'Zielgruppe', 'Zielnutzer'],
} as const satisfies Record<string, readonly string[]>;

export type TitleConcept = keyof typeof TITLES;

/** The translated titles of one or more concepts, for a section's aliases. */
export function translated(...concepts: TitleConcept[]): string[] {
  return concepts.flatMap((concept) => TITLES[concept]);
}
